package cn.medrecruit.identity;

public enum AccountKind {
	APPLICANT, STAFF
}
