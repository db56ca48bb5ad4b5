-- the city whose quota (名额) a submitted application holds, so a cancel gives the place back to that very quota even
-- if the unit has since moved to another city; NULL for programs without city quotas and for unsubmitted ones
ALTER TABLE application ADD COLUMN quota_city_id BIGINT;
