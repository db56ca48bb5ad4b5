package cn.medrecruit.identity;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the staff account list shows: filters and a keyset cursor. The page binds it from the query string and every
 * other reader of the list (an export) uses the same object, so both always agree.
 *
 * @param q part of the login name or the name
 * @param institution the institution the accounts belong to
 * @param status enabled, disabled or locked now
 * @param after the id of the last account on the previous page
 */
public record StaffAccountQuery(String q, Long institution, Status status, Long after) {

	public static final int PAGE_SIZE = 50;

	static final int KEYWORD_LIMIT = 50;

	public enum Status {
		ENABLED, DISABLED, LOCKED;

		public String messageKey() {
			return "admin.accounts.status." + name();
		}
	}

	public StaffAccountQuery {
		q = q == null || q.isBlank() ? null : q.strip();
		if (q != null && q.length() > KEYWORD_LIMIT) {
			q = q.substring(0, KEYWORD_LIMIT);
		}
	}

	public static StaffAccountQuery all() {
		return new StaffAccountQuery(null, null, null, null);
	}

	public StaffAccountQuery after(Long id) {
		return new StaffAccountQuery(q, institution, status, id);
	}

	/** The list URL with these filters and this cursor. */
	public String toUri(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (q != null) {
			uri.queryParam("q", q);
		}
		if (institution != null) {
			uri.queryParam("institution", institution);
		}
		if (status != null) {
			uri.queryParam("status", status.name());
		}
		if (after != null) {
			uri.queryParam("after", after);
		}
		return uri.encode().build().toUriString();
	}
}
