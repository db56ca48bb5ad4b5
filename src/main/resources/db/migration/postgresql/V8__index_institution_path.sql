-- pattern ops make "path LIKE prefix%" (the data-scope filter) an index range scan under any collation
CREATE INDEX institution_path_ix ON institution (path varchar_pattern_ops);
CREATE INDEX account_institution_path_ix ON account (institution_path varchar_pattern_ops);
