package cn.medrecruit.review;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.StageLevel;

/**
 * 撤办: a stage took back its approval before the next stage acted, or its return before the applicant resubmitted;
 * the request waits at that stage again.
 *
 * @param withdrawn the action taken back: {@link ReviewAction#APPROVE}, {@link ReviewAction#RETURN} or
 * {@link ReviewAction#REJECT} (one that returned)
 */
public record DecisionWithdrawn(RequestKind kind, long subjectId, long requestId, AccountId applicant,
		int stageIndex, StageLevel level, ReviewAction withdrawn, String actor) {
}
