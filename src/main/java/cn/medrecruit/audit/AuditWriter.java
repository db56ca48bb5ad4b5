package cn.medrecruit.audit;

import java.time.Clock;
import java.sql.Timestamp;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.medrecruit.shared.Actor;

/**
 * Writes each {@link AuditEvent} in the publisher's transaction, with who, from where and when. The hash chain is
 * added afterwards by {@link AuditSealer}, so concurrent writers do not wait for each other.
 */
@Component
class AuditWriter {

	static final int DETAIL_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditWriter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(AuditEvent event) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Actor actor = authentication != null && authentication.getPrincipal() instanceof Actor signedIn ? signedIn : null;
		String name = event.actor() != null ? event.actor() : actor != null ? actor.loginName() : "anonymous";
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, institution_id, ip, action, target, outcome, detail)
				VALUES (:at, :actor, :institution, :ip, :action, :target, :outcome, :detail)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", truncate(name, 64))
			.param("institution", actor != null ? actor.institutionId() : null)
			.param("ip", clientAddress())
			.param("action", event.action())
			.param("target", truncate(event.target(), 200))
			.param("outcome", event.outcome().name())
			.param("detail", truncate(event.detail(), DETAIL_LIMIT))
			.update();
	}

	private static String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return truncate(request.getRemoteAddr(), 45);
		}
		return null;
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
