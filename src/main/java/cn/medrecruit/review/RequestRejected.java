package cn.medrecruit.review;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.StageLevel;

/** 审核不通过 at a stage whose rejection ends the request: final. */
public record RequestRejected(RequestKind kind, long subjectId, long requestId, AccountId applicant, StageLevel level,
		String reason, String actor) {
}
