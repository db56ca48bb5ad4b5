CREATE INDEX institution_path_ix ON institution (path);
CREATE INDEX account_institution_path_ix ON account (institution_path);
