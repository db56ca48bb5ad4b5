-- The inbox's keyword as a name prefix: a holder's pending items whose name starts with it, one index range, instead of
-- every request of the province with that prefix (a common surname: 20,000 of a million) intersected with the holder's.
CREATE INDEX review_request_pending_name_ix ON review_request (holder_institution_id, applicant_name varchar_pattern_ops)
    WHERE state = 'PENDING';
