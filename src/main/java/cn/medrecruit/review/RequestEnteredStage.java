package cn.medrecruit.review;

import cn.medrecruit.identity.AccountId;
import cn.medrecruit.program.StageLevel;

/**
 * A request is now waiting at a stage: on submission, on resubmission, after the previous stage approved (at once or
 * by its summary submission), after a withdrawal brought it back, or after a cross-review assignment handed it to
 * another holder.
 *
 * @param byReviewer whether a reviewer's approval, summary submission or withdrawal brought it here, rather than a
 * (re)submission or an assignment
 */
public record RequestEnteredStage(RequestKind kind, long subjectId, long requestId, AccountId applicant,
		int stageIndex, StageLevel level, long holderInstitutionId, boolean byReviewer) {
}
