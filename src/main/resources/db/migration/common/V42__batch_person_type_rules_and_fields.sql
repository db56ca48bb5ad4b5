-- per-batch rules of each person type; NULL keeps the person type's built-in text and unit rule and sets no
-- graduation rule (batches from before these columns)
ALTER TABLE batch_person_type ADD COLUMN description VARCHAR(500);
ALTER TABLE batch_person_type ADD COLUMN current_unit_required BOOLEAN;
-- 面向社会: graduated in the cohort year or the years before, this many years in all
ALTER TABLE batch_person_type ADD COLUMN graduation_within INT;
-- or graduated in one of these years, comma-separated
ALTER TABLE batch_person_type ADD COLUMN graduation_years VARCHAR(100);

-- the program's supplementary fields a batch shows (补充报名信息), each optional or required
CREATE TABLE batch_field (
    batch_id  BIGINT      NOT NULL REFERENCES batch (id),
    field_key VARCHAR(40) NOT NULL,
    required  BOOLEAN     NOT NULL,
    CONSTRAINT batch_field_pk PRIMARY KEY (batch_id, field_key)
);
