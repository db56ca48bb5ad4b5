package cn.medrecruit.files;

import java.time.Instant;

/**
 * One stored file. Images are stored re-encoded (JPEG stays JPEG, PNG and BMP become PNG) without their metadata, so
 * {@code contentType}, {@code size} and {@code sha256} describe the stored bytes, not the upload.
 *
 * @param width pixels; {@code null} for PDF
 * @param height pixels; {@code null} for PDF
 * @param originalName the client's file name, reduced to a safe display name whose extension matches the content
 */
public record StoredFile(StoredFileId id, long ownerAccountId, String contentType, long size, Integer width,
		Integer height, String sha256, String originalName, boolean hasThumbnail, Instant createdAt) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	public boolean isPdf() {
		return "application/pdf".equals(contentType);
	}

	/** Where the owner (and viewers admitted by a {@link FileAccessRule}) get the file. */
	public String url() {
		return "/files/" + id.value();
	}

	/** Where the JPEG thumbnail (at most 240 pixels a side) is served; {@code null} without a thumbnail. */
	public String thumbnailUrl() {
		return hasThumbnail ? url() + "/thumbnail" : null;
	}
}
