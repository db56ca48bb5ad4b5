-- 批量提交: a 考点 or 考区 reviewer approves chosen pending requests and submits each on to the next stage at once,
-- without waiting for the stage's 汇总提交; the forwarding is a log line of its own (SUBMIT).
ALTER TABLE review_decision DROP CONSTRAINT review_decision_action_ck;
ALTER TABLE review_decision ADD CONSTRAINT review_decision_action_ck
    CHECK (action IN ('APPROVE', 'REJECT', 'RETURN', 'WITHDRAW', 'SKIP', 'RESUBMIT', 'CANCEL', 'SUMMARY', 'ASSIGN',
                      'SUBMIT'));
