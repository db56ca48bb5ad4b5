package cn.medrecruit.identity;

/** Roles of the role table: 系统管理, 省/考区, 市/考点, 县/报名点, 单位, 基地, 考生, and the audit role. */
public enum Role {

	SYSTEM_ADMIN, PROVINCE, CITY, COUNTY, UNIT, BASE, AUDITOR, APPLICANT;

	public String messageKey() {
		return "role." + name();
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
