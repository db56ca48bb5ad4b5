package cn.medrecruit.files;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Whether a PNG's chunks are whole, with correct checksums, up to the closing IEND chunk (ImageIO does not check). */
final class PngStructure {

	private static final int SIGNATURE_LENGTH = 8;
	private static final int IEND = 0x49454E44;

	private PngStructure() {
	}

	static boolean complete(byte[] png) {
		ByteBuffer buffer = ByteBuffer.wrap(png);
		int position = SIGNATURE_LENGTH;
		while (position + 12 <= png.length) {
			long length = Integer.toUnsignedLong(buffer.getInt(position));
			if (length > png.length - position - 12L) {
				return false;
			}
			int type = buffer.getInt(position + 4);
			CRC32 crc = new CRC32();
			crc.update(png, position + 4, 4 + (int) length);
			long stored = Integer.toUnsignedLong(buffer.getInt(position + 8 + (int) length));
			if (crc.getValue() != stored) {
				return false;
			}
			if (type == IEND) {
				return true;
			}
			position += 12 + (int) length;
		}
		return false;
	}
}
