package cn.medrecruit.program;

import java.time.Instant;

/** Where a batch stands at a moment: 未开始, 报名中, 进行中 (review to check-in), 已结束. */
public enum BatchStatus {

	NOT_STARTED, REGISTRATION, IN_PROGRESS, ENDED;

	public String messageKey() {
		return "program.batch-status." + name();
	}

	static BatchStatus at(Instant now, Window registration, Instant lastEnd) {
		if (now.isBefore(registration.start())) {
			return NOT_STARTED;
		}
		if (registration.contains(now)) {
			return REGISTRATION;
		}
		return now.isBefore(lastEnd) ? IN_PROGRESS : ENDED;
	}
}
