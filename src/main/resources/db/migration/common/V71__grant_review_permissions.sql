-- 审核: every reviewing level; 卡件: the province sees stages held by institutions without an enabled reviewer
INSERT INTO role_permission (role, permission) VALUES
 ('PROVINCE','REVIEW_DECIDE'),('CITY','REVIEW_DECIDE'),('COUNTY','REVIEW_DECIDE'),('UNIT','REVIEW_DECIDE'),('BASE','REVIEW_DECIDE'),
 ('SYSTEM_ADMIN','REVIEW_STUCK_VIEW'),('PROVINCE','REVIEW_STUCK_VIEW');
