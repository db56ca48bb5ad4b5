package cn.medrecruit.audit;

/**
 * Something worth a line in the audit log. Published as an application event inside the business transaction, so the
 * line is written if and only if the action commits. The actor is the signed-in person unless {@code actor} names
 * one (a failed login has nobody signed in).
 *
 * @param action what was done, e.g. {@code LOGIN}, {@code INSTITUTION_DISABLED}
 * @param target what it was done to, e.g. {@code account:42}
 * @param detail a short free text; never a password, code or full ID number
 */
public record AuditEvent(String action, String target, Outcome outcome, String detail, String actor) {

	public enum Outcome {
		SUCCESS, FAILURE, DENIED
	}

	public static AuditEvent success(String action, String target) {
		return new AuditEvent(action, target, Outcome.SUCCESS, null, null);
	}

	public static AuditEvent success(String action, String target, String detail) {
		return new AuditEvent(action, target, Outcome.SUCCESS, detail, null);
	}

	public static AuditEvent failure(String action, String target, String detail) {
		return new AuditEvent(action, target, Outcome.FAILURE, detail, null);
	}

	public AuditEvent by(String actorLoginName) {
		return new AuditEvent(action, target, outcome, detail, actorLoginName);
	}
}
