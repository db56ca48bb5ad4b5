package cn.medrecruit.organization;

/** A code or name that another institution already has. */
public class InstitutionConflict extends RuntimeException {

	private final String field;

	InstitutionConflict(String field) {
		super("institution " + field + " already taken");
		this.field = field;
	}

	public String field() {
		return field;
	}
}
