package cn.medrecruit.files;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Byte counts for messages: {@code 3 MB}, {@code 2.4 MB}, {@code 512 KB}, {@code 80 B}, with one decimal. A file's size
 * is rounded up and free space down, so that a file just over a limit never reads as equal to it.
 */
final class FileSizes {

	private static final long KB = 1024;
	private static final long MB = KB * 1024;
	private static final long GB = MB * 1024;

	private FileSizes() {
	}

	static String up(long bytes) {
		return format(bytes, RoundingMode.UP);
	}

	static String down(long bytes) {
		return format(bytes, RoundingMode.DOWN);
	}

	private static String format(long bytes, RoundingMode rounding) {
		if (bytes >= GB) {
			return scaled(bytes, GB, rounding) + " GB";
		}
		if (bytes >= MB) {
			return scaled(bytes, MB, rounding) + " MB";
		}
		if (bytes >= KB) {
			return scaled(bytes, KB, rounding) + " KB";
		}
		return bytes + " B";
	}

	private static String scaled(long bytes, long unit, RoundingMode rounding) {
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, rounding).stripTrailingZeros()
			.toPlainString();
	}
}
