package cn.medrecruit.shared;

/**
 * Who acts: what the audit log and data-scope checks need to know of the signed-in person, without depending on
 * how accounts are kept.
 */
public interface Actor {

	String loginName();

	/** The institution a staff account belongs to; {@code null} for applicants. */
	Long institutionId();
}
