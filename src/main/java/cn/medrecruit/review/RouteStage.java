package cn.medrecruit.review;

import cn.medrecruit.program.OnReject;
import cn.medrecruit.program.StageLevel;

/** One stage of a request's route in a round: who holds it for this applicant, or nobody (the stage is skipped). */
public record RouteStage(int stageIndex, StageLevel level, OnReject onReject, Long holderInstitutionId) {

	public boolean skipped() {
		return holderInstitutionId == null;
	}
}
