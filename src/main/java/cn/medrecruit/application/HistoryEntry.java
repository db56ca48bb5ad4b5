package cn.medrecruit.application;

import java.time.Instant;

/** One line of an application's timeline: a change of status, who made it and why. */
public record HistoryEntry(Instant at, ApplicationStatus from, ApplicationStatus to, String actor, String reason) {

	/** The message key of this step in words: created, submitted, cancelled, restarted. */
	public String messageKey() {
		if (from == null) {
			return "application.history.created";
		}
		if (from == ApplicationStatus.RETURNED && to == ApplicationStatus.SUBMITTED) {
			return "application.history.resubmitted";
		}
		if (from == ApplicationStatus.RETURNED && to == ApplicationStatus.UNDER_REVIEW) {
			return "application.history.return-withdrawn";
		}
		if (from == ApplicationStatus.CANCELLED && to == ApplicationStatus.DRAFT) {
			return "application.history.restarted";
		}
		return "application.history." + to.name();
	}
}
