package cn.medrecruit.application;

/**
 * Where an application stands. Each transition is one method that checks the current state and answers the next one;
 * later states (each review stage, returned, admitted …) come with the review engine.
 */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, CANCELLED;

	/** 提交: only a draft is submitted. */
	ApplicationStatus submit() {
		return from(DRAFT, SUBMITTED);
	}

	/** 取消报名: only before any reviewer acted, which for now means submitted. */
	ApplicationStatus cancel() {
		return from(SUBMITTED, CANCELLED);
	}

	/** 重新报名: a cancelled application becomes a draft again (the row is reused, see the migration). */
	ApplicationStatus restart() {
		return from(CANCELLED, DRAFT);
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

	private ApplicationStatus from(ApplicationStatus expected, ApplicationStatus next) {
		if (this != expected) {
			throw new IllegalStateException("application is " + this + ", not " + expected);
		}
		return next;
	}
}
