package cn.medrecruit.files;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one upload slot accepts.
 *
 * @param kinds the accepted kinds of content
 * @param maxBytes the largest upload, checked before anything is decoded
 * @param maxPixels the largest image (width × height), checked from the image header before the pixels are decoded
 */
public record UploadPolicy(Set<FileKind> kinds, long maxBytes, long maxPixels) {

	public static final long DEFAULT_MAX_BYTES = 3L * 1024 * 1024;

	public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

	public UploadPolicy {
		if (kinds == null || kinds.isEmpty()) {
			throw new IllegalArgumentException("An upload policy accepts at least one kind of file");
		}
		if (maxBytes <= 0 || maxPixels <= 0) {
			throw new IllegalArgumentException("Upload limits must be positive");
		}
		kinds = Set.copyOf(EnumSet.copyOf(kinds));
	}

	/** JPG, PNG and BMP images up to 3 MB. */
	public static UploadPolicy images() {
		return new UploadPolicy(EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.BMP), DEFAULT_MAX_BYTES,
				DEFAULT_MAX_PIXELS);
	}

	/** JPG, PNG and BMP images or PDF documents up to 3 MB. */
	public static UploadPolicy imagesOrPdf() {
		return new UploadPolicy(EnumSet.allOf(FileKind.class), DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
	}

	public UploadPolicy withMaxBytes(long bytes) {
		return new UploadPolicy(kinds, bytes, maxPixels);
	}

	public UploadPolicy withMaxPixels(long pixels) {
		return new UploadPolicy(kinds, maxBytes, pixels);
	}

	public boolean allows(FileKind kind) {
		return kinds.contains(kind);
	}

	/** The accepted kinds for messages, e.g. {@code JPG、PNG、BMP}. */
	public String describeKinds() {
		return EnumSet.copyOf(kinds).stream().map(FileKind::label).collect(Collectors.joining("、"));
	}
}
