-- The counts of the reviewer pages, kept per institution in the transaction that changes a request (ReviewTallies),
-- so opening 待审 or 已审 reads a few rows instead of the institution's whole decision history.
-- kind: PENDING and WAITING (requests the institution holds in that state now), DECIDED (requests it approved,
-- rejected or returned at least once), APPROVE, REJECT, RETURN (requests with such a decision of it that was not
-- withdrawn) and RETURNED_LATER (requests it approved that a later stage of the same round returned or rejected).
CREATE TABLE review_tally (
    holder_institution_id BIGINT      NOT NULL,
    kind                  VARCHAR(16) NOT NULL,
    n                     BIGINT      NOT NULL,
    CONSTRAINT review_tally_pk PRIMARY KEY (holder_institution_id, kind)
);

-- One row per institution and request it approved that a later stage of the same round returned or rejected (the
-- decision not withdrawn), with the newest such decision's time: the returned-later notice counts the rows after the
-- time the reviewer last dismissed it.
CREATE TABLE review_returned_later (
    holder_institution_id BIGINT NOT NULL,
    request_id            BIGINT NOT NULL REFERENCES review_request (id),
    returned_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT review_returned_later_pk PRIMARY KEY (holder_institution_id, request_id)
);
CREATE INDEX review_returned_later_at_ix ON review_returned_later (holder_institution_id, returned_at);
CREATE INDEX review_returned_later_request_ix ON review_returned_later (request_id);

-- the tallies of what is there already
INSERT INTO review_tally (holder_institution_id, kind, n)
SELECT holder_institution_id, state, COUNT(*) FROM review_request
 WHERE state IN ('PENDING', 'WAITING')
 GROUP BY holder_institution_id, state;

INSERT INTO review_tally (holder_institution_id, kind, n)
SELECT holder_institution_id, 'DECIDED', COUNT(DISTINCT request_id) FROM review_decision
 WHERE holder_institution_id IS NOT NULL AND action IN ('APPROVE', 'REJECT', 'RETURN')
 GROUP BY holder_institution_id;

INSERT INTO review_tally (holder_institution_id, kind, n)
SELECT d.holder_institution_id, d.action, COUNT(DISTINCT d.request_id) FROM review_decision d
 WHERE d.holder_institution_id IS NOT NULL AND d.action IN ('APPROVE', 'REJECT', 'RETURN')
   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = d.id)
 GROUP BY d.holder_institution_id, d.action;

INSERT INTO review_returned_later (holder_institution_id, request_id, returned_at)
SELECT mine.holder_institution_id, later.request_id, MAX(later.decided_at) FROM review_decision mine
  JOIN review_decision later ON later.request_id = mine.request_id AND later.round_no = mine.round_no
   AND later.stage_index > mine.stage_index AND later.action IN ('REJECT', 'RETURN')
 WHERE mine.holder_institution_id IS NOT NULL AND mine.action = 'APPROVE'
   AND NOT EXISTS (SELECT 1 FROM review_decision w WHERE w.withdraws_id = later.id)
 GROUP BY mine.holder_institution_id, later.request_id;

INSERT INTO review_tally (holder_institution_id, kind, n)
SELECT holder_institution_id, 'RETURNED_LATER', COUNT(*) FROM review_returned_later
 GROUP BY holder_institution_id;
