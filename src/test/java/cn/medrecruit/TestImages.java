package cn.medrecruit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/** Real image files for upload tests. */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * A PNG whose size lands in the photo window (150–300 KB): a white background with a band of noise, which PNG
	 * cannot compress.
	 */
	public static byte[] photoPng() {
		BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 300, 400);
		graphics.dispose();
		Random random = new Random(42);
		for (int y = 60; y < 300; y++) {
			for (int x = 40; x < 260; x++) {
				image.setRGB(x, y, random.nextInt(0xFFFFFF));
			}
		}
		return encode(image, "png");
	}

	/** A white-background photo of about 200 KB as BMP, a format the photo slot does not take. */
	public static byte[] photoBmp() {
		BufferedImage image = new BufferedImage(260, 260, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 260, 260);
		graphics.dispose();
		return encode(image, "bmp");
	}

	/** Like {@link #photoPng()} but on a blue background, which the photo rule refuses. */
	public static byte[] bluePhotoPng() {
		BufferedImage image = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(60, 120, 220));
		graphics.fillRect(0, 0, 300, 400);
		graphics.dispose();
		Random random = new Random(7);
		for (int y = 60; y < 300; y++) {
			for (int x = 40; x < 260; x++) {
				image.setRGB(x, y, random.nextInt(0xFFFFFF));
			}
		}
		return encode(image, "png");
	}

	/** A small JPEG of a certificate-like card. */
	public static byte[] certificateJpeg(String label) {
		BufferedImage image = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(250, 240, 220));
		graphics.fillRect(0, 0, 640, 420);
		graphics.setColor(Color.RED.darker());
		graphics.drawRect(20, 20, 600, 380);
		graphics.drawString(label, 60, 80);
		graphics.dispose();
		return encode(image, "jpg");
	}

	public static Path write(Path directory, String name, byte[] content) {
		try {
			Files.createDirectories(directory);
			return Files.write(directory.resolve(name), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, format, bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
