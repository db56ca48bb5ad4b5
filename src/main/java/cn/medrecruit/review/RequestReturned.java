package cn.medrecruit.review;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.StageLevel;

/** A stage sent the request back to the applicant for changes (退回修改, or 审核不通过 where the stage returns). */
public record RequestReturned(RequestKind kind, long subjectId, long requestId, AccountId applicant, StageLevel level,
		String reason, String actor) {
}
