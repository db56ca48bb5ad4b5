package cn.medrecruit.program;

/**
 * 人员类型: who may apply, each with its description for applicants and the rules the wizard checks.
 * {@code graduationYears} is the window for new graduates: graduated this year or in the years before, up to that many
 * years in all ({@code null}: no rule).
 */
public enum PersonType {

	OWN_RESIDENT(true, null), SOCIAL_RECRUIT(false, 3), COMMISSIONED(true, null), JOINT_MASTER(false, null),
	DISCIPLINE_LEADER(true, null), TECHNICAL_BACKBONE(true, null), COUNTY_BACKBONE_SPECIALIST(true, null),
	EMPLOYED(true, null);

	private final boolean currentUnitRequired;
	private final Integer graduationYears;

	PersonType(boolean currentUnitRequired, Integer graduationYears) {
		this.currentUnitRequired = currentUnitRequired;
		this.graduationYears = graduationYears;
	}

	public boolean currentUnitRequired() {
		return currentUnitRequired;
	}

	public Integer graduationYears() {
		return graduationYears;
	}

	public String messageKey() {
		return "program.person-type." + name();
	}

	public String descriptionKey() {
		return "program.person-type." + name() + ".description";
	}
}
