package cn.medrecruit.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.medrecruit.identity.CurrentUser;

/**
 * The unread count for the navigation badge, asked by the layout as {@code @unreadNotices}. It counts at most
 * {@link #CAP} rows, so a page stays cheap however many messages pile up; the badge shows "99+" beyond.
 */
@Component("unreadNotices")
class UnreadNotices {

	static final int CAP = 100;

	private final JdbcClient jdbc;

	UnreadNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public int count() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return 0;
		}
		return jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT 1 FROM notice WHERE account_id = :account AND read_at IS NULL
				                       LIMIT :cap) unread""")
			.param("account", user.getAccountId())
			.param("cap", CAP)
			.query(Integer.class)
			.single();
	}
}
