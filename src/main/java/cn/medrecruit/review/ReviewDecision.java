package cn.medrecruit.review;

import java.time.Instant;

import cn.medrecruit.program.StageLevel;

/**
 * One line of a request's log, never changed once written.
 *
 * @param withdrawsId for a {@link ReviewAction#WITHDRAW}, the decision it withdraws
 * @param withdrawn whether a later line withdrew this decision
 */
public record ReviewDecision(long id, long requestId, int round, int stageIndex, StageLevel level,
		Long holderInstitutionId, ReviewAction action, String opinion, Long withdrawsId, String actor, Instant at,
		boolean withdrawn) {
}
