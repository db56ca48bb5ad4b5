package cn.medrecruit.identity;

/** What an SMS code is for: a code sent for one purpose never works for another. */
public enum SmsPurpose {
	REGISTER, RESET_PASSWORD, CHANGE_PHONE
}
