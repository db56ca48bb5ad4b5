package cn.medrecruit.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decides by content whether an upload is acceptable, and produces what is stored: images decoded completely and
 * re-encoded without any metadata (JPEG as JPEG, PNG and BMP as PNG) plus a JPEG thumbnail; PDFs as they came.
 * <p>
 * The order matters: the size is checked before anything is parsed, and an image's dimensions are read from its header
 * and checked before its pixels are decoded, so a small file declaring a huge image never allocates it.
 */
class FileInspector {

	static final int THUMBNAIL_SIZE = 240;
	static final float JPEG_QUALITY = 0.9f;
	static final float THUMBNAIL_QUALITY = 0.8f;
	private static final int PDF_EOF_WINDOW = 1024;
	private static final byte[] PDF_EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

	/** What is stored for an accepted upload. Width, height and thumbnail are {@code null} for a PDF. */
	record Inspected(String contentType, byte[] content, Integer width, Integer height, byte[] thumbnail) {
	}

	private final Semaphore decodes;

	FileInspector(int concurrentDecodes) {
		this.decodes = new Semaphore(concurrentDecodes, true);
		ImageIO.setUseCache(false);
	}

	/** @throws UploadRejected when the content is not acceptable under this policy */
	Inspected inspect(byte[] content, UploadPolicy policy) {
		if (content == null || content.length == 0) {
			throw new UploadRejected("files.rejected.empty");
		}
		if (content.length > policy.maxBytes()) {
			throw new UploadRejected("files.rejected.too-large", FileSizes.up(content.length),
					FileSizes.down(policy.maxBytes()));
		}
		FileKind kind = FileKind.detect(content)
			.orElseThrow(() -> new UploadRejected("files.rejected.unrecognised", policy.describeKinds()));
		if (!policy.allows(kind)) {
			throw new UploadRejected("files.rejected.kind-not-allowed", kind.label(), policy.describeKinds());
		}
		return kind == FileKind.PDF ? inspectPdf(content) : inspectImage(kind, content, policy.maxPixels());
	}

	private static Inspected inspectPdf(byte[] content) {
		if (!containsNearEnd(content, PDF_EOF, PDF_EOF_WINDOW)) {
			throw new UploadRejected("files.rejected.pdf-incomplete");
		}
		return new Inspected("application/pdf", content, null, null, null);
	}

	private Inspected inspectImage(FileKind kind, byte[] content, long maxPixels) {
		BufferedImage image = decode(kind, content, maxPixels);
		if (kind == FileKind.JPEG) {
			image = orient(image, JpegStructure.of(content).orientation());
			return new Inspected("image/jpeg", encodeJpeg(image, JPEG_QUALITY), image.getWidth(), image.getHeight(),
					encodeJpeg(thumbnail(image), THUMBNAIL_QUALITY));
		}
		return new Inspected("image/png", encodePng(image), image.getWidth(), image.getHeight(),
				encodeJpeg(thumbnail(image), THUMBNAIL_QUALITY));
	}

	private BufferedImage decode(FileKind kind, byte[] content, long maxPixels) {
		ImageReader reader = readerFor(kind);
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new UploadRejected("files.rejected.unreadable");
			}
			if ((long) width * height > maxPixels) {
				throw new UploadRejected("files.rejected.too-many-pixels", width, height, maxPixels / 10_000);
			}
			if (!structurallyComplete(kind, content)) {
				throw new UploadRejected("files.rejected.truncated");
			}
			BufferedImage image;
			decodes.acquireUninterruptibly();
			try {
				image = reader.read(0, reader.getDefaultReadParam());
			}
			finally {
				decodes.release();
			}
			if (warnings.stream().anyMatch(FileInspector::signalsTruncation)) {
				throw new UploadRejected("files.rejected.truncated");
			}
			return image;
		}
		catch (UploadRejected e) {
			throw e;
		}
		catch (java.io.EOFException e) {
			throw new UploadRejected("files.rejected.truncated");
		}
		catch (IOException | RuntimeException e) {
			// Corrupt data, unsupported variants (CMYK JPEG, ...) and decoder bugs on hostile input all end here.
			throw new UploadRejected("files.rejected.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	private static ImageReader readerFor(FileKind kind) {
		String format = kind.name().toLowerCase(Locale.ROOT);
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		return readers.next();
	}

	private static boolean structurallyComplete(FileKind kind, byte[] content) {
		return switch (kind) {
			case JPEG -> JpegStructure.of(content).complete(content);
			case PNG -> PngStructure.complete(content);
			// BMP has no end marker; a short file makes the decoder run out of data, which is caught as truncated.
			case BMP, PDF -> true;
		};
	}

	private static boolean signalsTruncation(String warning) {
		String text = warning.toLowerCase(Locale.ROOT);
		return text.contains("truncated") || text.contains("premature end") || text.contains("missing eoi");
	}

	/** Applies an EXIF orientation (2–8) so the pixels stand as the photographer saw them. */
	static BufferedImage orient(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swaps = orientation >= 5;
		// (m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
		AffineTransform transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirror horizontally
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // turn 180°
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirror vertically
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transpose
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn 90° clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
			default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turn 90° anticlockwise
		};
		BufferedImage oriented = new BufferedImage(swaps ? h : w, swaps ? w : h, jpegCompatibleType(image));
		Graphics2D graphics = oriented.createGraphics();
		try {
			graphics.drawImage(image, transform, null);
		}
		finally {
			graphics.dispose();
		}
		return oriented;
	}

	private static int jpegCompatibleType(BufferedImage image) {
		return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
				: BufferedImage.TYPE_3BYTE_BGR;
	}

	/** At most {@link #THUMBNAIL_SIZE} pixels a side, on white where the image is transparent. */
	static BufferedImage thumbnail(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		double scale = Math.min(1.0, THUMBNAIL_SIZE / (double) Math.max(width, height));
		int targetWidth = Math.max(1, (int) Math.round(width * scale));
		int targetHeight = Math.max(1, (int) Math.round(height * scale));
		BufferedImage current = image;
		// Halving step by step keeps bilinear scaling from skipping most of the pixels of a large photo.
		while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
			current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
		}
		if (current != image && current.getWidth() == targetWidth && current.getHeight() == targetHeight) {
			return current;
		}
		return scaled(current, targetWidth, targetHeight);
	}

	private static BufferedImage scaled(BufferedImage source, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	/** A baseline JPEG carrying no metadata but the JFIF header the encoder writes itself. */
	static byte[] encodeJpeg(BufferedImage image, float quality) {
		BufferedImage rgb = image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM
				? scaled(image, image.getWidth(), image.getHeight()) : image;
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(quality);
			writer.write(null, new IIOImage(rgb, null, null), parameters);
		}
		catch (IOException e) {
			throw new UncheckedIOException("JPEG encoding failed", e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/** A PNG of the pixels alone: no text, time, colour-profile or other ancillary chunks. */
	static byte[] encodePng(BufferedImage image) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, "png", bytes)) {
				bytes.reset();
				BufferedImage standard = new BufferedImage(image.getWidth(), image.getHeight(),
						image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
				Graphics2D graphics = standard.createGraphics();
				try {
					graphics.drawImage(image, 0, 0, null);
				}
				finally {
					graphics.dispose();
				}
				ImageIO.write(standard, "png", bytes);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("PNG encoding failed", e);
		}
		return bytes.toByteArray();
	}

	private static boolean containsNearEnd(byte[] content, byte[] needle, int window) {
		int from = Math.max(0, content.length - window);
		for (int i = content.length - needle.length; i >= from; i--) {
			boolean match = true;
			for (int j = 0; j < needle.length && match; j++) {
				match = content[i + j] == needle[j];
			}
			if (match) {
				return true;
			}
		}
		return false;
	}
}
