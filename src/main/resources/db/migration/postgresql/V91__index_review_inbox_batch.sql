-- The inbox filtered by batch (with a program, a date range, a name prefix on top): once the driver prepares the
-- statement, PostgreSQL may keep a generic plan, which cannot use the name index for a bound LIKE pattern and walked
-- the holder's whole pending range. With the submission order after the batch, a holder's pending items of one batch
-- are an index range in page order. It replaces the batch list's index, whose columns lead this one.
CREATE INDEX review_request_pending_batch_at_ix ON review_request (holder_institution_id, batch_id, submitted_at, id)
    WHERE state = 'PENDING';
DROP INDEX review_request_pending_batch_ix;
