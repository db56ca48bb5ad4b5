package cn.medrecruit.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of file accepted, recognised by their first bytes, never by their name. */
public enum FileKind {

	JPEG("JPG", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("PNG", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
	BMP("BMP", "BM".getBytes(StandardCharsets.US_ASCII)),
	PDF("PDF", "%PDF-".getBytes(StandardCharsets.US_ASCII));

	private final String label;
	private final byte[] magic;

	FileKind(String label, byte[] magic) {
		this.label = label;
		this.magic = magic;
	}

	/** The name people know the format by, for messages. */
	public String label() {
		return label;
	}

	public boolean isImage() {
		return this != PDF;
	}

	/** The kind whose signature the content starts with. */
	public static Optional<FileKind> detect(byte[] content) {
		return Arrays.stream(values()).filter(kind -> kind.matches(content)).findFirst();
	}

	private boolean matches(byte[] content) {
		return content != null && content.length >= magic.length
				&& Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}
}
