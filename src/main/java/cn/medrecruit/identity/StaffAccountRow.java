package cn.medrecruit.identity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One line of the staff account list; times are local to the platform's zone.
 *
 * @param lockedUntil set while the account is locked after too many wrong passwords
 */
public record StaffAccountRow(long id, String loginName, String name, Long institutionId, String institutionName,
		List<Role> roles, String phoneMasked, boolean enabled, LocalDateTime lockedUntil, LocalDateTime lastLoginAt) {

	public boolean locked() {
		return lockedUntil != null;
	}
}
