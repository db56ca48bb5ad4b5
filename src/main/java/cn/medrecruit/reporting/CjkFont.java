package cn.medrecruit.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * WenQuanYi Micro Hei, shipped in {@code fonts/} with its licence, covering Chinese and ASCII.
 * <p>
 * The file is a TrueType Collection, which openhtmltopdf's file and stream {@code useFont} overloads cannot read. So
 * the bytes are read once, and each rendering parses the collection with PDFBox's {@link TrueTypeCollection}, picks
 * the proportional face and loads it as a subset-embedded {@link PDType0Font} into that rendering's own document;
 * nothing parsed is shared between threads.
 */
final class CjkFont implements AutoCloseable {

	static final String FAMILY = "WenQuanYi Micro Hei";

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	/** The PostScript name of the proportional face (the other face is the monospaced one). */
	private static final String FACE = "WenQuanYiMicroHei";

	private static final byte[] COLLECTION = read();

	private final TrueTypeCollection collection;

	private final PDType0Font font;

	private CjkFont(TrueTypeCollection collection, PDType0Font font) {
		this.collection = collection;
		this.font = font;
	}

	/** The face loaded into {@code document}; close it after the document has been saved. */
	static CjkFont loadInto(PDDocument document) throws IOException {
		TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(COLLECTION));
		try {
			TrueTypeFont face = collection.getFontByName(FACE);
			if (face == null) {
				throw new IllegalStateException(RESOURCE + " has no face " + FACE);
			}
			return new CjkFont(collection, PDType0Font.load(document, face, true));
		}
		catch (IOException | RuntimeException ex) {
			collection.close();
			throw ex;
		}
	}

	PDType0Font font() {
		return font;
	}

	@Override
	public void close() throws IOException {
		collection.close();
	}

	private static byte[] read() {
		try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing font resource " + RESOURCE);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
