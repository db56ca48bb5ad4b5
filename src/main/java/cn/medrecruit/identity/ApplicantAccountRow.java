package cn.medrecruit.identity;

import java.time.LocalDateTime;

/** An applicant account as the system administrator sees it to unlock it: the ID number only ever masked. */
public record ApplicantAccountRow(long id, String loginName, String name, String idNumberMasked, boolean enabled,
		LocalDateTime lockedUntil, LocalDateTime lastLoginAt) {

	public boolean locked() {
		return lockedUntil != null;
	}
}
