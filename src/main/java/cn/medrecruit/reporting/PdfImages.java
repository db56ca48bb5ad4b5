package cn.medrecruit.reporting;

import java.util.Base64;

/**
 * Images for PDF templates: a template never fetches anything, so an image (a QR code, the applicant's photo) goes
 * into the model as a {@code data:} URI and into the page as {@code <img th:src="${photo}"/>}.
 */
public final class PdfImages {

	private PdfImages() {
	}

	/** A {@code data:} URI for PNG or JPEG bytes; the type is read from the bytes, not trusted from a name. */
	public static String dataUri(byte[] image) {
		return "data:" + mediaType(image) + ";base64," + Base64.getEncoder().encodeToString(image);
	}

	private static String mediaType(byte[] image) {
		if (image != null && image.length > 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N'
				&& image[3] == 'G') {
			return "image/png";
		}
		if (image != null && image.length > 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8
				&& (image[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		throw new IllegalArgumentException("not a PNG or JPEG image");
	}
}
