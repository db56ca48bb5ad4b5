package cn.medrecruit.review;

import java.time.Instant;

import cn.medrecruit.program.StageLevel;

/** A reviewer's correction of a text field: shown to the applicant and to every later stage. */
public record Correction(long id, int round, int stageIndex, StageLevel level, long holderInstitutionId,
		String fieldKey, String fieldLabel, String oldValue, String newValue, String reason, String actor,
		Instant at) {
}
