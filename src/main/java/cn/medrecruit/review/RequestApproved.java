package cn.medrecruit.review;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.StageLevel;

/** The last stage approved the request: final. */
public record RequestApproved(RequestKind kind, long subjectId, long requestId, AccountId applicant, StageLevel level,
		String opinion, String actor) {
}
