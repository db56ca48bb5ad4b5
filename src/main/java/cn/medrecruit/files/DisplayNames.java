package cn.medrecruit.files;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a client's file name into a name fit for display and for {@code Content-Disposition}: no directories, no
 * control or bidirectional-override characters, no characters that file systems refuse, a bounded length, and an
 * extension that matches the stored content. It is never used to build a storage key.
 */
final class DisplayNames {

	private static final int MAX_BASE_LENGTH = 80;

	private DisplayNames() {
	}

	/** @param contentType the content type of the stored bytes */
	static String sanitise(String clientName, String contentType) {
		String name = clientName == null ? "" : Normalizer.normalize(clientName, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}<>:\"|?*]", "")
			.replaceAll("\\s+", " ")
			.strip()
			.replaceFirst("^[.\\s]+", "");
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot).strip() : name;
		String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		if (base.isEmpty()) {
			base = "file";
		}
		if (base.codePointCount(0, base.length()) > MAX_BASE_LENGTH) {
			base = base.substring(0, base.offsetByCodePoints(0, MAX_BASE_LENGTH)).strip();
		}
		return base + "." + (extensionsOf(contentType).contains(extension) ? extension : preferredExtension(contentType));
	}

	static String preferredExtension(String contentType) {
		return switch (contentType) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "application/pdf" -> "pdf";
			default -> throw new IllegalArgumentException("Not a stored content type: " + contentType);
		};
	}

	private static Set<String> extensionsOf(String contentType) {
		return "image/jpeg".equals(contentType) ? Set.of("jpg", "jpeg") : Set.of(preferredExtension(contentType));
	}
}
