CREATE INDEX applicant_profile_unit_path_ix ON applicant_profile (current_unit_path);
