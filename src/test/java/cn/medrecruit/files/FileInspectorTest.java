package cn.medrecruit.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import cn.medrecruit.files.FileInspector.Inspected;

class FileInspectorTest {

	private final FileInspector inspector = new FileInspector(2);

	@Test
	void jpegIsReEncodedAsJpegWithAThumbnail() throws IOException {
		Inspected inspected = inspector.inspect(TestFiles.jpeg(800, 600), UploadPolicy.images());

		assertThat(inspected.contentType()).isEqualTo("image/jpeg");
		assertThat(FileKind.detect(inspected.content())).contains(FileKind.JPEG);
		assertThat(inspected.width()).isEqualTo(800);
		assertThat(inspected.height()).isEqualTo(600);
		BufferedImage thumbnail = read(inspected.thumbnail());
		assertThat(thumbnail.getWidth()).isEqualTo(240);
		assertThat(thumbnail.getHeight()).isEqualTo(180);
		assertThat(FileKind.detect(inspected.thumbnail())).contains(FileKind.JPEG);
	}

	@Test
	void exifWithGpsIsStrippedAndItsOrientationApplied() throws IOException {
		byte[] upload = TestFiles.withExif(TestFiles.jpeg(400, 300), TestFiles.EXIF_WITH_GPS);
		assertThat(TestFiles.jpegMarkers(upload)).contains(0xE1);
		assertThat(ImageIO.read(new ByteArrayInputStream(upload)).getWidth()).as("ImageIO accepts the EXIF file").isEqualTo(400);

		Inspected inspected = inspector.inspect(upload, UploadPolicy.images());

		assertThat(TestFiles.jpegMarkers(inspected.content())).doesNotContain(0xE1).contains(0xE0, 0xDB, 0xC0, 0xDA);
		assertThat(indexOf(inspected.content(), "Exif".getBytes(StandardCharsets.US_ASCII))).isNegative();
		assertThat(indexOf(inspected.content(), Arrays.copyOfRange(TestFiles.EXIF_WITH_GPS, 6, 16))).isNegative();
		// Orientation 6 is "rotate 90° clockwise to view": the red top-left quarter ends up top right.
		BufferedImage stored = read(inspected.content());
		assertThat(stored.getWidth()).isEqualTo(300);
		assertThat(stored.getHeight()).isEqualTo(400);
		assertThat(inspected.width()).isEqualTo(300);
		assertThat(isRed(stored.getRGB(290, 10))).isTrue();
		assertThat(isRed(stored.getRGB(10, 10))).isFalse();
	}

	@Test
	void everyExifOrientationIsAppliedAsTheStandardDefinesIt() {
		BufferedImage picture = TestFiles.picture(40, 20);
		// Where the red top-left quarter goes: 2 mirrors, 3 turns 180°, 4 flips, 5 transposes, 6 turns 90° clockwise,
		// 7 transverses, 8 turns 90° anticlockwise.
		String[] redCorner = { null, "TL", "TR", "BR", "BL", "TL", "TR", "BR", "BL" };
		for (int orientation = 1; orientation <= 8; orientation++) {
			BufferedImage oriented = FileInspector.orient(picture, orientation);
			boolean swapped = orientation >= 5;
			assertThat(oriented.getWidth()).as("width, orientation %d", orientation).isEqualTo(swapped ? 20 : 40);
			assertThat(oriented.getHeight()).as("height, orientation %d", orientation).isEqualTo(swapped ? 40 : 20);
			assertThat(redCornerOf(oriented)).as("red corner, orientation %d", orientation).isEqualTo(redCorner[orientation]);
		}
	}

	@Test
	void pngStaysPngWithoutAncillaryChunks() throws IOException {
		Inspected inspected = inspector.inspect(TestFiles.png(300, 200), UploadPolicy.images());

		assertThat(inspected.contentType()).isEqualTo("image/png");
		assertThat(TestFiles.pngChunks(inspected.content())).containsOnly("IHDR", "IDAT", "IEND");
		assertThat(read(inspected.content()).getWidth()).isEqualTo(300);
		assertThat(read(inspected.thumbnail()).getWidth()).isEqualTo(240);
	}

	@Test
	void bmpIsStoredAsPng() throws IOException {
		Inspected inspected = inspector.inspect(TestFiles.bmp(100, 50), UploadPolicy.images());

		assertThat(inspected.contentType()).isEqualTo("image/png");
		assertThat(FileKind.detect(inspected.content())).contains(FileKind.PNG);
		BufferedImage stored = read(inspected.content());
		assertThat(isRed(stored.getRGB(5, 5))).isTrue();
		assertThat(read(inspected.thumbnail()).getWidth()).as("small images keep their size").isEqualTo(100);
	}

	@Test
	void transparentPngGetsAWhiteThumbnailBackground() throws IOException {
		BufferedImage transparent = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
		Inspected inspected = inspector.inspect(TestFiles.encode(transparent, "png"), UploadPolicy.images());

		assertThat(read(inspected.thumbnail()).getRGB(25, 25) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		assertThat(read(inspected.content()).getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void lessCommonPixelLayoutsAreReEncodedToo() throws IOException {
		BufferedImage gray = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_GRAY);
		BufferedImage indexed = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_INDEXED);
		BufferedImage deep = new BufferedImage(120, 90, BufferedImage.TYPE_USHORT_GRAY);
		BufferedImage bgr = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);

		for (byte[] upload : List.of(TestFiles.encode(gray, "jpeg"), TestFiles.encode(gray, "png"),
				TestFiles.encode(indexed, "png"), TestFiles.encode(deep, "png"), TestFiles.encode(indexed, "bmp"),
				TestFiles.encode(bgr, "bmp"), TestFiles.withExif(TestFiles.encode(gray, "jpeg"), TestFiles.exifWithGps(8)))) {
			Inspected inspected = inspector.inspect(upload, UploadPolicy.images());
			BufferedImage stored = read(inspected.content());
			assertThat(stored.getWidth() * stored.getHeight()).isEqualTo(120 * 90);
			assertThat(read(inspected.thumbnail()).getWidth()).isIn(90, 120);
		}
	}

	@Test
	void aJpegWithDataAfterItsEndMarkerIsAccepted() {
		byte[] jpeg = TestFiles.jpeg(64, 64);
		byte[] trailer = Arrays.copyOf(jpeg, jpeg.length + 100);
		Arrays.fill(trailer, jpeg.length, trailer.length, (byte) 'S');

		assertThat(inspector.inspect(trailer, UploadPolicy.images()).contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void truncatedJpegsAreRefusedAlthoughImageIoDecodesThem() throws IOException {
		byte[] jpeg = TestFiles.encode(TestFiles.noise(200, 150, 3), "jpeg");
		byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
		byte[] withoutEndMarker = Arrays.copyOf(jpeg, jpeg.length - 2);
		assertThat(ImageIO.read(new ByteArrayInputStream(half))).as("ImageIO alone is lenient").isNotNull();

		rejected(half, UploadPolicy.images()).isEqualTo("files.rejected.truncated");
		rejected(withoutEndMarker, UploadPolicy.images()).isEqualTo("files.rejected.truncated");
	}

	@Test
	void truncatedPngAndBmpAreRefused() {
		byte[] png = TestFiles.encode(TestFiles.noise(100, 100, 4), "png");
		byte[] bmp = TestFiles.bmp(100, 100);

		rejected(Arrays.copyOf(png, png.length - 6), UploadPolicy.images()).isEqualTo("files.rejected.truncated");
		rejected(Arrays.copyOf(png, png.length / 2), UploadPolicy.images()).isEqualTo("files.rejected.truncated");
		rejected(Arrays.copyOf(bmp, bmp.length - 10), UploadPolicy.images()).isEqualTo("files.rejected.truncated");
	}

	@Test
	void aPngWithACorruptChecksumIsRefused() {
		byte[] png = TestFiles.png(20, 20);
		png[png.length - 20] ^= 0x55;

		rejected(png, UploadPolicy.images()).isIn("files.rejected.truncated", "files.rejected.unreadable");
	}

	@Test
	void aTinyPngDeclaringFiftyThousandSquaredPixelsIsRefusedFromItsHeader() {
		byte[] bomb = TestFiles.pngDeclaring(50_000, 50_000);
		assertThat(bomb.length).isLessThan(1000);
		assertThat(PngStructure.complete(bomb)).as("well-formed chunks with correct CRCs").isTrue();

		UploadRejected rejection = rejection(bomb, UploadPolicy.images());

		assertThat(rejection.messageKey()).isEqualTo("files.rejected.too-many-pixels");
		assertThat(rejection.arguments()).containsExactly(50_000, 50_000, 4000L);
	}

	@Test
	void pixelLimitComesFromThePolicy() {
		rejected(TestFiles.jpeg(100, 100), UploadPolicy.images().withMaxPixels(9_999)).isEqualTo("files.rejected.too-many-pixels");
		assertThat(inspector.inspect(TestFiles.jpeg(100, 100), UploadPolicy.images().withMaxPixels(10_000)).width()).isEqualTo(100);
	}

	@Test
	void sizeIsCheckedBeforeTheContent() {
		byte[] big = new byte[(int) UploadPolicy.DEFAULT_MAX_BYTES + 1];
		big[0] = 'x';
		UploadRejected rejection = rejection(big, UploadPolicy.images());

		assertThat(rejection.messageKey()).isEqualTo("files.rejected.too-large");
		assertThat(rejection.arguments()).containsExactly("3.1 MB", "3 MB");
		rejected(TestFiles.jpeg(100, 100), UploadPolicy.images().withMaxBytes(100)).isEqualTo("files.rejected.too-large");
	}

	@Test
	void contentThatIsNoAcceptedKindIsRefusedWhateverItsName() {
		rejected(TestFiles.html(), UploadPolicy.images()).isEqualTo("files.rejected.unrecognised");
		rejected(TestFiles.svgWithScript(), UploadPolicy.images()).isEqualTo("files.rejected.unrecognised");
		rejected("just text".getBytes(StandardCharsets.UTF_8), UploadPolicy.imagesOrPdf()).isEqualTo("files.rejected.unrecognised");
		rejected(new byte[] { (byte) 0xFF, (byte) 0xD8 }, UploadPolicy.images()).isEqualTo("files.rejected.unrecognised");
		rejected(new byte[0], UploadPolicy.images()).isEqualTo("files.rejected.empty");
		rejected(null, UploadPolicy.images()).isEqualTo("files.rejected.empty");
		assertThat(rejection(TestFiles.html(), UploadPolicy.images()).arguments()).containsExactly("JPG、PNG、BMP");
	}

	@Test
	void aFileWithAnImageSignatureButGarbageAfterItIsRefused() {
		byte[] garbage = new byte[2000];
		Arrays.fill(garbage, (byte) 0x41);
		garbage[0] = 'B';
		garbage[1] = 'M';
		byte[] fakeJpeg = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 2000);

		rejected(garbage, UploadPolicy.images()).isIn("files.rejected.unreadable", "files.rejected.truncated");
		rejected(fakeJpeg, UploadPolicy.images()).isIn("files.rejected.unreadable", "files.rejected.truncated");
	}

	@Test
	void pdfIsStoredAsItCameOnlyWhereTheSlotAllowsIt() {
		byte[] pdf = TestFiles.pdf();

		Inspected inspected = inspector.inspect(pdf, UploadPolicy.imagesOrPdf());
		assertThat(inspected.contentType()).isEqualTo("application/pdf");
		assertThat(inspected.content()).isEqualTo(pdf);
		assertThat(inspected.thumbnail()).isNull();
		assertThat(inspected.width()).isNull();

		UploadRejected rejection = rejection(pdf, UploadPolicy.images());
		assertThat(rejection.messageKey()).isEqualTo("files.rejected.kind-not-allowed");
		assertThat(rejection.arguments()).containsExactly("PDF", "JPG、PNG、BMP");
		rejected(Arrays.copyOf(pdf, pdf.length - 8), UploadPolicy.imagesOrPdf()).isEqualTo("files.rejected.pdf-incomplete");
	}

	private AbstractStringAssert<?> rejected(byte[] content, UploadPolicy policy) {
		return assertThat(rejection(content, policy).messageKey());
	}

	private UploadRejected rejection(byte[] content, UploadPolicy policy) {
		try {
			inspector.inspect(content, policy);
		}
		catch (UploadRejected e) {
			return e;
		}
		throw new AssertionError("accepted");
	}

	private static BufferedImage read(byte[] image) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(image));
	}

	private static boolean isRed(int rgb) {
		int red = (rgb >> 16) & 0xFF;
		int blue = rgb & 0xFF;
		return red > 200 && blue < 60;
	}

	private static String redCornerOf(BufferedImage image) {
		int right = image.getWidth() - 2;
		int bottom = image.getHeight() - 2;
		StringBuilder corners = new StringBuilder();
		if (isRed(image.getRGB(1, 1))) {
			corners.append("TL");
		}
		if (isRed(image.getRGB(right, 1))) {
			corners.append("TR");
		}
		if (isRed(image.getRGB(right, bottom))) {
			corners.append("BR");
		}
		if (isRed(image.getRGB(1, bottom))) {
			corners.append("BL");
		}
		return corners.toString();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer:
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
