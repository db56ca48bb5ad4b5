package cn.medrecruit.program;

/** The institution level that holds one review stage. */
public enum StageLevel {

	UNIT, COUNTY, CITY, PROVINCE, FIRST_CHOICE_BASE, REGISTRATION_POINT, EXAM_SITE, EXAM_AREA;

	public String messageKey() {
		return "program.stage-level." + name();
	}
}
