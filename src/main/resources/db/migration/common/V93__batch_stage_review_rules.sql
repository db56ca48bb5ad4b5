-- Per-batch review rules, set by the province on the batch page with the chain.
-- by_summary: approvals at the stage wait for its holder's 汇总提交 before going on to the next stage.
-- images_required: the stage may approve only when every evidence image has been answered 与原件一致 = 是.
-- NULL keeps the engine's default (by_summary: the 考点 level; images_required: the last stage of the chain), so
-- chains written before these columns, or stages added later, behave as before until the province sets them.
ALTER TABLE batch_stage ADD COLUMN by_summary BOOLEAN;
ALTER TABLE batch_stage ADD COLUMN images_required BOOLEAN;
-- the stage at which a returned and resubmitted application re-enters the chain; none marked: the first stage
ALTER TABLE batch_stage ADD COLUMN reentry_point BOOLEAN DEFAULT FALSE NOT NULL;

-- the image rule of each stage of a round's route, copied from the batch when the round starts (as by_summary), so a
-- request in flight keeps its rules; NULL (rounds opened before this column): the last stage with a holder
ALTER TABLE review_request_route ADD COLUMN images_required BOOLEAN;
