-- full ID numbers and phones in lists and exports: the exam area and the exam sites check the roster against the
-- applicants' originals (qualification exam manual, 考点 导出考生花名册); everyone else sees them masked
INSERT INTO role_permission (role, permission) VALUES ('PROVINCE','PERSONAL_DATA_VIEW'),('CITY','PERSONAL_DATA_VIEW');
