package cn.medrecruit.review;

import cn.medrecruit.program.OnReject;
import cn.medrecruit.shared.InputRejected;

/**
 * Where a request stands. Each transition is one method that checks the current state and answers the next one; a
 * request in any other state is refused with {@code review.refused.state}.
 */
public enum ReviewState {

	/** Waiting for the holder of its current stage. */
	PENDING,
	/**
	 * Approved at a stage that forwards by summary submission: waits at the same holder until its 汇总提交 sends it
	 * on.
	 */
	WAITING,
	/**
	 * Back with the applicant for changes; a resubmission makes it pending again at the batch's re-entry stage (the
	 * first by default).
	 */
	RETURNED,
	/** Ended by a 审核不通过 at a stage whose rejection ends the request. */
	REJECTED,
	/** Approved by the last stage. */
	APPROVED,
	/** Withdrawn by the applicant before any reviewer acted; submitting again opens a new round. */
	CANCELLED;

	/** 审核通过 at a stage that has a next one: still pending, one stage further. */
	public ReviewState advance() {
		return from(PENDING, PENDING);
	}

	/** 审核通过 at a stage that forwards by summary submission: waits at the stage. */
	public ReviewState awaitSummary() {
		return from(PENDING, WAITING);
	}

	/** 汇总提交 (or 批量提交 of one waiting request): on to the next stage, pending there. */
	public ReviewState forwardBySummary() {
		return from(WAITING, PENDING);
	}

	/** 审核通过 at the last stage. */
	public ReviewState approveFinally() {
		return from(PENDING, APPROVED);
	}

	/** 审核不通过: ends the request, or sends it back to the applicant, as the stage says. */
	public ReviewState reject(OnReject onReject) {
		return from(PENDING, onReject == OnReject.RETURNS ? RETURNED : REJECTED);
	}

	/** 退回修改. */
	public ReviewState returnForChanges() {
		return from(PENDING, RETURNED);
	}

	/** The applicant resubmits after a return, or submits again after cancelling. */
	public ReviewState resubmit() {
		if (this == CANCELLED) {
			return PENDING;
		}
		return from(RETURNED, PENDING);
	}

	/** The applicant cancels while the first stage has not acted. */
	public ReviewState cancel() {
		return from(PENDING, CANCELLED);
	}

	/**
	 * 撤办 of an approval whose next stage has not acted or that waits for its summary submission, or of a return the
	 * applicant has not answered: pending again at the deciding stage.
	 */
	public ReviewState withdraw() {
		if (this == WAITING || this == RETURNED) {
			return PENDING;
		}
		return from(PENDING, PENDING);
	}

	public boolean isFinal() {
		return this == REJECTED || this == APPROVED;
	}

	public String messageKey() {
		return "review.state." + name();
	}

	private ReviewState from(ReviewState expected, ReviewState next) {
		if (this != expected) {
			throw new InputRejected("state", "review.refused.state");
		}
		return next;
	}
}
