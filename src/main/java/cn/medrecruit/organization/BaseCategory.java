package cn.medrecruit.organization;

/** 基地类别: 综合医院, 专科医院, 附属医院, 教学医院. */
public enum BaseCategory {

	GENERAL, SPECIALTY, AFFILIATED, TEACHING;

	public String messageKey() {
		return "base-category." + name();
	}
}
