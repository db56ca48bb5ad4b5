package cn.medrecruit.organization;

import cn.medrecruit.identity.Role;

/** What an institution is, and the role its staff hold by default. */
public enum InstitutionKind {

	HEALTH_COMMISSION(null), TRAINING_BASE(Role.BASE), UNIT(Role.UNIT), EXAM_AREA(Role.PROVINCE),
	EXAM_SITE(Role.CITY), REGISTRATION_POINT(Role.COUNTY);

	private final Role fixedRole;

	InstitutionKind(Role fixedRole) {
		this.fixedRole = fixedRole;
	}

	/** A health commission's staff take the role of its level: province, city or county. */
	public Role defaultRole(RegionLevel level) {
		if (fixedRole != null) {
			return fixedRole;
		}
		return switch (level) {
			case PROVINCE -> Role.PROVINCE;
			case CITY -> Role.CITY;
			case COUNTY -> Role.COUNTY;
		};
	}

	public String messageKey() {
		return "institution-kind." + name();
	}
}
