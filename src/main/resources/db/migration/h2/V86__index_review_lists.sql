-- Indexes for the review lists at a province's scale; the PostgreSQL variant has pattern ops and a partial index.
CREATE INDEX review_request_submitted_ix ON review_request (submitted_at, id);
CREATE INDEX review_request_name_ix ON review_request (applicant_name);
CREATE INDEX review_request_id_tail_ix ON review_request (id_tail);
CREATE INDEX review_request_reference_ix ON review_request (reference_number);
CREATE INDEX review_request_pending_batch_ix ON review_request (holder_institution_id, state, batch_id);
CREATE INDEX review_decision_holder_request_ix ON review_decision (holder_institution_id, request_id, action, round_no, stage_index);
CREATE INDEX review_decision_round_ix ON review_decision (request_id, round_no, stage_index, action, decided_at);
