package cn.medrecruit.program;

/** What a rejection at a stage does to the application: it ends there, or goes back to the applicant. */
public enum OnReject {

	ENDS, RETURNS;

	public String messageKey() {
		return "program.on-reject." + name();
	}
}
