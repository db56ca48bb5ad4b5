package cn.medrecruit.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as PNG images, e.g. the application number on a printed application form. */
public final class QrCodes {

	private QrCodes() {
	}

	/** A square black-on-white PNG of {@code size} pixels encoding {@code text} as UTF-8. */
	public static byte[] png(String text, int size) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("no text to encode");
		}
		if (size < 21) {
			throw new IllegalArgumentException("a QR code needs at least 21 pixels, not " + size);
		}
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 1);
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@link #png} as a {@code data:} URI for an {@code <img src>} in a PDF template. */
	public static String dataUri(String text, int size) {
		return PdfImages.dataUri(png(text, size));
	}
}
