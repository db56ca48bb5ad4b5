package cn.medrecruit.organization;

import java.util.Set;

/**
 * The exam levels whose holder the province may set per unit or per region (001 通知 一(二)): 单位审查, 报名点, 考点,
 * 考区, each with the kinds of institution that may hold it.
 */
enum RouteLevel {

	UNIT_REVIEW("unit_review_id", "unitReview",
			Set.of(InstitutionKind.UNIT, InstitutionKind.HEALTH_COMMISSION, InstitutionKind.REGISTRATION_POINT)),
	REGISTRATION_POINT("registration_point_id", "registrationPoint",
			Set.of(InstitutionKind.REGISTRATION_POINT, InstitutionKind.HEALTH_COMMISSION, InstitutionKind.UNIT)),
	EXAM_SITE("exam_site_id", "examSite",
			Set.of(InstitutionKind.EXAM_SITE, InstitutionKind.EXAM_AREA, InstitutionKind.HEALTH_COMMISSION)),
	EXAM_AREA("exam_area_id", "examArea", Set.of(InstitutionKind.EXAM_AREA, InstitutionKind.HEALTH_COMMISSION));

	/** The column of {@code review_route}; a constant, never from input. */
	final String column;
	/** The form field that chooses this level's holder. */
	final String field;
	final Set<InstitutionKind> kinds;

	RouteLevel(String column, String field, Set<InstitutionKind> kinds) {
		this.column = column;
		this.field = field;
		this.kinds = kinds;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return "review-route.level." + name();
	}
}
