package cn.medrecruit.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * One page of the institution list: the filters and a keyset cursor. The list page and any export run the same
 * query, so an export always equals the screen.
 *
 * @param keyword part of the name or the code; {@code null} for all
 * @param kind {@code null} for every kind
 * @param enabled {@code null} for enabled and disabled alike
 * @param after the id of the last row of the previous page; {@code null} for the first page
 */
public record InstitutionQuery(String keyword, InstitutionKind kind, Boolean enabled, Long after) {

	public static final int PAGE_SIZE = 50;

	static final int MAX_KEYWORD_LENGTH = 50;

	public InstitutionQuery {
		keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
		if (keyword != null && keyword.length() > MAX_KEYWORD_LENGTH) {
			keyword = keyword.substring(0, MAX_KEYWORD_LENGTH);
		}
	}

	/** The query from request parameters; what cannot be read is left out rather than refused. */
	public static InstitutionQuery of(String keyword, String kind, String enabled, String after) {
		return new InstitutionQuery(keyword, kindOf(kind).orElse(null),
				"true".equals(enabled) ? Boolean.TRUE : "false".equals(enabled) ? Boolean.FALSE : null, idOf(after));
	}

	public InstitutionQuery firstPage() {
		return new InstitutionQuery(keyword, kind, enabled, null);
	}

	public InstitutionQuery after(long id) {
		return new InstitutionQuery(keyword, kind, enabled, id);
	}

	private static Optional<InstitutionKind> kindOf(String text) {
		return Arrays.stream(InstitutionKind.values()).filter(kind -> kind.name().equals(text)).findFirst();
	}

	private static Long idOf(String text) {
		if (text == null || !text.matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(text);
	}
}
