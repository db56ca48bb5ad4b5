package cn.medrecruit.application;

/**
 * Where an application stands. Each transition is one method that checks the current state and answers the next one.
 * The review engine decides the review states; this module follows its events (see {@code ReviewOutcomes}).
 */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, CANCELLED,
	/** A reviewer approved it at a stage and a later stage has it; cancelling is over. */
	UNDER_REVIEW,
	/** Back with the applicant for changes, to be resubmitted. */
	RETURNED,
	/** Ended by 审核不通过. */
	REJECTED,
	/** Approved by the last stage. */
	APPROVED;

	/** 提交: only a draft is submitted. */
	ApplicationStatus submit() {
		return from(DRAFT, SUBMITTED);
	}

	/** 取消报名: only while submitted (the review engine is asked too whether a reviewer acted). */
	ApplicationStatus cancel() {
		return from(SUBMITTED, CANCELLED);
	}

	/** 重新报名: a cancelled application becomes a draft again (the row is reused, see the migration). */
	ApplicationStatus restart() {
		return from(CANCELLED, DRAFT);
	}

	/** A stage approved and handed it on. */
	ApplicationStatus reviewGoesOn() {
		return inReview("review goes on", UNDER_REVIEW);
	}

	/** 退回修改, or 审核不通过 at a stage that returns. */
	ApplicationStatus returned() {
		return inReview("return", RETURNED);
	}

	ApplicationStatus rejected() {
		return inReview("reject", REJECTED);
	}

	ApplicationStatus approved() {
		return inReview("approve", APPROVED);
	}

	/** The reviewer took back their return (撤办) before the applicant resubmitted: under review again. */
	ApplicationStatus returnWithdrawn() {
		return from(RETURNED, UNDER_REVIEW);
	}

	/** 重新提交 after a return. */
	ApplicationStatus resubmit() {
		return from(RETURNED, SUBMITTED);
	}

	/** Submitted and not finally decided: the profile stays frozen. */
	public boolean underReview() {
		return this == SUBMITTED || this == UNDER_REVIEW;
	}

	public boolean editable() {
		return this == DRAFT;
	}

	public String messageKey() {
		return "application.status." + name();
	}

	/** What the applicant should do next, in words. */
	public String nextStepKey() {
		return "application.next." + name();
	}

	private ApplicationStatus inReview(String what, ApplicationStatus next) {
		if (!underReview()) {
			throw new IllegalStateException("application is " + this + ", cannot " + what);
		}
		return next;
	}

	private ApplicationStatus from(ApplicationStatus expected, ApplicationStatus next) {
		if (this != expected) {
			throw new IllegalStateException("application is " + this + ", not " + expected);
		}
		return next;
	}
}
