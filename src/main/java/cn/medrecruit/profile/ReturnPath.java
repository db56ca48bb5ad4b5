package cn.medrecruit.profile;

import java.util.regex.Pattern;

/**
 * Where a profile page may send the applicant after saving ({@code ?return=}): only the application wizard's
 * confirm-profile step, a path of this platform, so the parameter cannot send anyone elsewhere.
 */
final class ReturnPath {

	private static final Pattern WIZARD_STEP = Pattern.compile("/apply/\\d{1,18}/profile");

	private ReturnPath() {
	}

	/** The candidate when it is a wizard step, otherwise null. */
	static String safe(String candidate) {
		return candidate != null && WIZARD_STEP.matcher(candidate).matches() ? candidate : null;
	}

	/** The page itself, keeping a safe return path. */
	static String keep(String page, String candidate) {
		String safe = safe(candidate);
		return safe == null ? page : page + "?return=" + safe;
	}
}
