package cn.medrecruit.reporting;

/**
 * How much of a personal number an export shows. The caller decides from the signed-in person's permission; the
 * exporter applies it to every column marked as an ID number or a phone.
 */
public enum Disclosure {

	/** ID numbers and phones masked as on screen. */
	MASKED,

	/** ID numbers and phones in full, for a role granted to see them. */
	FULL
}
