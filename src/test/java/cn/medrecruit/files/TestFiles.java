package cn.medrecruit.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Real files for upload tests, made with ImageIO and by hand. */
final class TestFiles {

	/** The EXIF payload {@link #withExif} inserts: orientation 6 and a GPS IFD placing the photo in Fuzhou. */
	static final byte[] EXIF_WITH_GPS = exifWithGps(6);

	private TestFiles() {
	}

	/** A picture whose top-left quarter is red and the rest blue, so orientation can be checked. */
	static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.BLUE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height / 2);
		graphics.dispose();
		return image;
	}

	static BufferedImage noise(int width, int height, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt());
			}
		}
		return image;
	}

	static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, bytes)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static byte[] jpeg(int width, int height) {
		return encode(picture(width, height), "jpeg");
	}

	static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	static byte[] bmp(int width, int height) {
		return encode(picture(width, height), "bmp");
	}

	/** The JPEG with an APP1 EXIF segment right after the start-of-image marker. */
	static byte[] withExif(byte[] jpeg, byte[] exif) {
		int length = exif.length + 2;
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
		out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).put((byte) (length >> 8)).put((byte) length).put(exif)
			.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/** "Exif\0\0" and a big-endian TIFF structure: IFD0 with Orientation and a GPS IFD pointer; GPS latitude N 26°4'30". */
	static byte[] exifWithGps(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(92);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
		tiff.putInt(0);
		tiff.putInt(26).putInt(1).putInt(4).putInt(1).putInt(3000).putInt(100);
		byte[] header = { 'E', 'x', 'i', 'f', 0, 0 };
		byte[] exif = Arrays.copyOf(header, header.length + tiff.capacity());
		System.arraycopy(tiff.array(), 0, exif, header.length, tiff.capacity());
		return exif;
	}

	/** The marker codes of a JPEG's segments before its scan data (0xE1 is APP1, where EXIF lives). */
	static List<Integer> jpegMarkers(byte[] jpeg) {
		List<Integer> markers = new ArrayList<>();
		int position = 2;
		while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
			int marker = jpeg[position + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
		}
		return markers;
	}

	/** The chunk types of a PNG, in order. */
	static List<String> pngChunks(byte[] png) {
		List<String> chunks = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(png);
		int position = 8;
		while (position + 12 <= png.length) {
			int length = buffer.getInt(position);
			chunks.add(new String(png, position + 4, 4, StandardCharsets.US_ASCII));
			position += 12 + length;
		}
		return chunks;
	}

	/**
	 * A PNG of a few hundred bytes whose header declares {@code width × height} pixels: a correct signature, IHDR, a
	 * little compressed data and IEND, every chunk with its correct CRC.
	 */
	static byte[] pngDeclaring(int width, int height) {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(png, "IHDR", header.array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[4096]);
		deflater.finish();
		byte[] compressed = new byte[512];
		int length = deflater.deflate(compressed);
		deflater.end();
		chunk(png, "IDAT", Arrays.copyOf(compressed, length));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] svgWithScript() {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
				+ "height=\"10\" onload=\"alert(1)\"><script>fetch('/account/password')</script><rect width=\"10\" "
				+ "height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
				+ " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A 24-bit BMP of random pixels of about 3.1 MB (3,250,230 bytes), over the default limit of 3 MB. */
	static byte[] bmpOf3Point1Megabytes() {
		return encode(noise(1024, 1058, 7), "bmp");
	}
}
