package cn.medrecruit.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Answers whether the signed-in person may use a function, from the permission matrix. Used as {@code @access} in
 * {@code @PreAuthorize} and in templates for the menu.
 */
@Component("access")
public class Access {

	private final JdbcClient jdbc;

	Access(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean can(String permission) {
		return can(SecurityContextHolder.getContext().getAuthentication(), Permission.valueOf(permission));
	}

	public boolean can(Authentication authentication, Permission permission) {
		if (!LoginFlow.isAuthenticatedUser(authentication)) {
			return false;
		}
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		if (user.getRoles().isEmpty()) {
			return false;
		}
		// the system administrator can always reach the matrix, so nobody can lock the platform out of it
		if (permission == Permission.PERMISSION_CONFIGURE && user.has(Role.SYSTEM_ADMIN)) {
			return true;
		}
		List<String> roles = user.getRoles().stream().map(Role::name).toList();
		return jdbc.sql("SELECT COUNT(*) FROM role_permission WHERE permission = :permission AND role IN (:roles)")
			.param("permission", permission.name())
			.param("roles", roles)
			.query(Integer.class)
			.single() > 0;
	}
}
