package cn.medrecruit.files;

import java.util.regex.Pattern;

/** The shape every storage key has: slash-separated segments of letters, digits, dot, dash and underscore. */
final class StorageKeys {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9][A-Za-z0-9._-]{0,99}){0,9}");

	private StorageKeys() {
	}

	/** @throws IllegalArgumentException for anything that could leave the store's root or is not one of our keys */
	static String check(String key) {
		if (key == null || !SAFE.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key: " + key);
		}
		return key;
	}
}
