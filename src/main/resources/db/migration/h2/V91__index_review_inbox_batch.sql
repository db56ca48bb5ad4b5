-- The inbox filtered by batch: a holder's pending items of one batch in page order (the PostgreSQL variant is a
-- partial index). It replaces the batch list's index, whose columns lead this one.
CREATE INDEX review_request_pending_batch_at_ix ON review_request (holder_institution_id, state, batch_id, submitted_at, id);
DROP INDEX review_request_pending_batch_ix;
