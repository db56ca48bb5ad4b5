package cn.medrecruit.shared;

/**
 * Builds SQL {@code LIKE} patterns from text as literal text: {@code %}, {@code _} and the escape character lose
 * their meaning. Use with {@code ESCAPE '\'} and bind the result as a parameter.
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	public static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public static String startingWith(String prefix) {
		return literal(prefix) + "%";
	}

	public static String containing(String text) {
		return "%" + literal(text) + "%";
	}
}
