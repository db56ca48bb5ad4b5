-- Indexes for the review lists at a province's scale (a million requests), each for a query of ReviewStore.
-- the subtree search, newest first: for a city's or the province's subtree a backward walk that stops after a page
CREATE INDEX review_request_submitted_ix ON review_request (submitted_at, id);
-- the keyword: a name prefix (pattern ops: LIKE 'prefix%' as a range under any collation), an ID tail or an
-- application number, each an index of its own so the three alternatives combine as a bitmap OR
CREATE INDEX review_request_name_ix ON review_request (applicant_name varchar_pattern_ops);
CREATE INDEX review_request_id_tail_ix ON review_request (id_tail);
CREATE INDEX review_request_reference_ix ON review_request (reference_number);
-- the inbox's batch list: the distinct batches of a holder's pending items, one index probe per batch
CREATE INDEX review_request_pending_batch_ix ON review_request (holder_institution_id, batch_id) WHERE state = 'PENDING';
-- 已审 counts: the requests an institution decided on, in request order from the index alone
CREATE INDEX review_decision_holder_request_ix ON review_decision (holder_institution_id, request_id, action, round_no, stage_index);
-- later stages' decisions of a request's round
CREATE INDEX review_decision_round_ix ON review_decision (request_id, round_no, stage_index, action, decided_at);
