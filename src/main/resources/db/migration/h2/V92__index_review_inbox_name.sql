-- The inbox's keyword as a name prefix: a holder's pending items whose name starts with it (the PostgreSQL variant is a
-- partial index with pattern ops).
CREATE INDEX review_request_pending_name_ix ON review_request (holder_institution_id, state, applicant_name);
