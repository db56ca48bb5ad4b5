package cn.medrecruit.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a walk over a JPEG's marker segments tells without decoding it: whether the entropy-coded data is followed by
 * the end-of-image marker (ImageIO decodes truncated files without an error), and the EXIF orientation, which has to
 * be applied before the metadata is dropped or photos taken upright would appear on their side.
 */
final class JpegStructure {

	private static final int SOS = 0xDA;
	private static final int EOI = 0xD9;
	private static final int APP1 = 0xE1;
	private static final byte[] EXIF = { 'E', 'x', 'i', 'f', 0, 0 };
	private static final int ORIENTATION_TAG = 0x0112;
	private static final int TYPE_SHORT = 3;

	private final int scanStart;
	private final int orientation;

	private JpegStructure(int scanStart, int orientation) {
		this.scanStart = scanStart;
		this.orientation = orientation;
	}

	static JpegStructure of(byte[] jpeg) {
		int orientation = 1;
		int position = 2;
		while (position + 4 <= jpeg.length) {
			if ((jpeg[position] & 0xFF) != 0xFF) {
				return new JpegStructure(-1, orientation);
			}
			int marker = jpeg[position + 1] & 0xFF;
			if (marker == 0xFF) {
				position++;
				continue;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
				position += 2;
				continue;
			}
			if (marker == EOI) {
				return new JpegStructure(-1, orientation);
			}
			int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
			int end = position + 2 + length;
			if (length < 2 || end > jpeg.length) {
				return new JpegStructure(-1, orientation);
			}
			if (marker == SOS) {
				return new JpegStructure(end, orientation);
			}
			if (marker == APP1 && orientation == 1) {
				orientation = exifOrientation(jpeg, position + 4, end);
			}
			position = end;
		}
		return new JpegStructure(-1, orientation);
	}

	/** Whether scan data exists and an end-of-image marker follows it (data after that marker is tolerated). */
	boolean complete(byte[] jpeg) {
		if (scanStart < 0) {
			return false;
		}
		for (int i = jpeg.length - 2; i >= scanStart; i--) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == EOI) {
				return true;
			}
		}
		return false;
	}

	/** The EXIF orientation, 1 (as stored) to 8; 1 when absent or unreadable. */
	int orientation() {
		return orientation;
	}

	private static int exifOrientation(byte[] jpeg, int start, int end) {
		if (end - start < EXIF.length + 8) {
			return 1;
		}
		for (int i = 0; i < EXIF.length; i++) {
			if (jpeg[start + i] != EXIF[i]) {
				return 1;
			}
		}
		ByteBuffer tiff = ByteBuffer.wrap(jpeg, start + EXIF.length, end - start - EXIF.length).slice();
		if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
			tiff.order(ByteOrder.LITTLE_ENDIAN);
		}
		else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
			return 1;
		}
		long ifd = Integer.toUnsignedLong(tiff.getInt(4));
		if (ifd < 8 || ifd + 2 > tiff.limit()) {
			return 1;
		}
		int entries = Short.toUnsignedInt(tiff.getShort((int) ifd));
		for (int i = 0; i < entries; i++) {
			int entry = (int) ifd + 2 + i * 12;
			if (entry + 12 > tiff.limit()) {
				return 1;
			}
			if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION_TAG
					&& Short.toUnsignedInt(tiff.getShort(entry + 2)) == TYPE_SHORT) {
				int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}
}
