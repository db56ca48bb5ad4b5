package cn.medrecruit.review;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.web.util.UriComponentsBuilder;

import cn.medrecruit.program.StageLevel;

/**
 * The filters and keyset cursor of a reviewer's lists. The page binds it from the query string and every other reader
 * of the list (a roster export) uses the same object, so both agree.
 *
 * @param q a name prefix, the ID number's tail or an application number
 * @param from submitted on or after this day; {@code to}: on or before this day
 * @param newestFirst the sort order by submission time
 * @param afterAt the submission time of the last row of the previous page, with {@code afterId} its id
 */
public record InboxQuery(String program, Long cohort, Long batch, StageLevel stage, String q, LocalDate from,
		LocalDate to, boolean newestFirst, Instant afterAt, Long afterId) {

	public static final int PAGE_SIZE = 50;

	static final int KEYWORD_LIMIT = 32;

	public InboxQuery {
		program = program == null || program.isBlank() ? null : program.strip();
		q = q == null || q.isBlank() ? null : q.strip();
		if (q != null && q.length() > KEYWORD_LIMIT) {
			q = q.substring(0, KEYWORD_LIMIT);
		}
		if (afterAt == null || afterId == null) {
			afterAt = null;
			afterId = null;
		}
	}

	public static InboxQuery all() {
		return new InboxQuery(null, null, null, null, null, null, null, false, null, null);
	}

	public InboxQuery after(Instant at, long id) {
		return new InboxQuery(program, cohort, batch, stage, q, from, to, newestFirst, at, id);
	}

	/** The list URL with these filters and this cursor. */
	public String toUri(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "program", program);
		add(uri, "cohort", cohort);
		add(uri, "batch", batch);
		add(uri, "stage", stage == null ? null : stage.name());
		add(uri, "q", q);
		add(uri, "from", from);
		add(uri, "to", to);
		if (newestFirst) {
			uri.queryParam("newestFirst", true);
		}
		add(uri, "afterAt", afterAt == null ? null : afterAt.toEpochMilli());
		add(uri, "afterId", afterId);
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}
}
