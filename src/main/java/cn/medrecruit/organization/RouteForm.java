package cn.medrecruit.organization;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/** What the route form sends: an institution id per level (empty: not set here) and the version the person saw. */
class RouteForm {

	private String unitReview;
	private String registrationPoint;
	private String examSite;
	private String examArea;
	private Integer version;

	static RouteForm of(ReviewRoutes.Stored stored) {
		RouteForm form = new RouteForm();
		form.unitReview = text(stored.holders().get(RouteLevel.UNIT_REVIEW));
		form.registrationPoint = text(stored.holders().get(RouteLevel.REGISTRATION_POINT));
		form.examSite = text(stored.holders().get(RouteLevel.EXAM_SITE));
		form.examArea = text(stored.holders().get(RouteLevel.EXAM_AREA));
		form.version = stored.version();
		return form;
	}

	/** The chosen holders; a value that is not an id is rejected next to its field. */
	Map<RouteLevel, Long> holders(BindingResult result) {
		Map<RouteLevel, Long> holders = new EnumMap<>(RouteLevel.class);
		for (RouteLevel level : RouteLevel.values()) {
			String value = valueOf(level);
			if (value == null || value.isBlank()) {
				continue;
			}
			if (!value.strip().matches("[0-9]{1,18}")) {
				result.rejectValue(level.field, "review-route.validation.holder");
			}
			else {
				holders.put(level, Long.valueOf(value.strip()));
			}
		}
		return holders;
	}

	private String valueOf(RouteLevel level) {
		return switch (level) {
			case UNIT_REVIEW -> unitReview;
			case REGISTRATION_POINT -> registrationPoint;
			case EXAM_SITE -> examSite;
			case EXAM_AREA -> examArea;
		};
	}

	private static String text(Long id) {
		return id == null ? "" : String.valueOf(id);
	}

	public String getUnitReview() {
		return unitReview;
	}

	public void setUnitReview(String unitReview) {
		this.unitReview = unitReview;
	}

	public String getRegistrationPoint() {
		return registrationPoint;
	}

	public void setRegistrationPoint(String registrationPoint) {
		this.registrationPoint = registrationPoint;
	}

	public String getExamSite() {
		return examSite;
	}

	public void setExamSite(String examSite) {
		this.examSite = examSite;
	}

	public String getExamArea() {
		return examArea;
	}

	public void setExamArea(String examArea) {
		this.examArea = examArea;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
