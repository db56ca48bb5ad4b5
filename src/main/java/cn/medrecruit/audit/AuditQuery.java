package cn.medrecruit.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search of the audit log: filters and a keyset cursor, newest first. Dates are whole days in the platform's zone.
 *
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param actor the login name of who acted, exactly
 * @param action the action code, exactly
 * @param before the id of the last entry of the previous page
 */
public record AuditQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, String action,
		AuditEvent.Outcome outcome, Long before) {

	public static final int PAGE_SIZE = 50;

	public AuditQuery {
		actor = blankToNull(actor, 64);
		action = blankToNull(action, 64);
		action = action == null ? null : action.toUpperCase();
	}

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	public AuditQuery before(Long id) {
		return new AuditQuery(from, to, actor, action, outcome, id);
	}

	public String toUri(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (from != null) {
			uri.queryParam("from", from);
		}
		if (to != null) {
			uri.queryParam("to", to);
		}
		if (actor != null) {
			uri.queryParam("actor", actor);
		}
		if (action != null) {
			uri.queryParam("action", action);
		}
		if (outcome != null) {
			uri.queryParam("outcome", outcome.name());
		}
		if (before != null) {
			uri.queryParam("before", before);
		}
		return uri.encode().build().toUriString();
	}

	private static String blankToNull(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}
}
