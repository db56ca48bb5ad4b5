package cn.medrecruit.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.medrecruit.IntegrationTest;
import cn.medrecruit.PdfText;

/**
 * Renders {@code src/test/resources/templates/pdf/test-form.html} and reads the PDF back with PDFBox and with
 * poppler's {@code pdftotext}: skipped loudly without it, failed when {@code -Dmedrecruit.pdftotext=required} (CI).
 */
@IntegrationTest
class PdfDocumentsTests {

	private static final String INSTITUTION = "福建医科大学附属第一医院";

	@Autowired
	PdfDocuments pdfs;

	@TempDir
	Path dir;

	@Test
	void rendersAnA4PageWithTheChineseTextEmbeddedAndExtractable() throws Exception {
		byte[] pdf = pdfs.render("test-form", model("2026-000123", "张三"));

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertA4(document.getPage(0));
			assertThat(fonts(document.getPage(0))).allSatisfy(font -> {
				assertThat(font.getName()).contains("WenQuanYiMicroHei");
				assertThat(font.isEmbedded()).isTrue();
			});
			assertThat(images(document.getPage(0))).isEqualTo(2);
		}

		String text = pdftotext(pdf);
		assertThat(text).contains("报名表", "报名号", "2026-000123", "姓名", "张三", "工作单位", INSTITUTION, "报考专业",
				"内科 & 急诊 <一>", "扫码核验报名号", "打印时间：2026-11-22 09:30");
	}

	@Test
	void rendersInParallel() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<byte[]>> results = new ArrayList<>();
			for (String name : List.of("张三", "李四")) {
				results.add(threads.submit(() -> pdfs.render("test-form", model("2026-" + name.hashCode(), name))));
			}
			assertThat(pdftotext(results.get(0).get(60, TimeUnit.SECONDS))).contains("张三", INSTITUTION)
				.doesNotContain("李四");
			assertThat(pdftotext(results.get(1).get(60, TimeUnit.SECONDS))).contains("李四", INSTITUTION)
				.doesNotContain("张三");
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void onlyTemplateNamesInsideThePdfFolderAreTaken() {
		assertThatIllegalArgumentException().isThrownBy(() -> pdfs.render("../home", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> pdfs.render("/login", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> pdfs.render(null, Map.of()));
	}

	@Test
	void aTemplateThatIsNotWellFormedFailsInsteadOfPrintingABlankPage() {
		assertThatThrownBy(() -> pdfs.render("not-xhtml", Map.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not-xhtml")
			.hasStackTraceContaining("must be terminated");
	}

	@Test
	void imagesComeOnlyFromDataUrisNeverFromFilesOrTheNetwork() throws Exception {
		Path photo = dir.resolve("photo.png");
		Files.write(photo, photo());

		byte[] linked = pdfs.render("linked-image", Map.of("src", photo.toUri().toString()));
		byte[] embedded = pdfs.render("linked-image", Map.of("src", PdfImages.dataUri(photo())));

		try (PDDocument document = Loader.loadPDF(linked)) {
			assertThat(images(document.getPage(0))).isZero();
		}
		try (PDDocument document = Loader.loadPDF(embedded)) {
			assertThat(images(document.getPage(0))).isEqualTo(1);
			// the template sets neither a page size nor a font
			assertA4(document.getPage(0));
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("报名表");
		}
		assertThat(pdftotext(embedded)).contains("照片");
	}

	private static Map<String, Object> model(String number, String name) {
		Map<String, Object> model = new HashMap<>();
		model.put("number", number);
		model.put("name", name);
		model.put("institution", INSTITUTION);
		model.put("specialty", "内科 & 急诊 <一>");
		model.put("printedAt", "2026-11-22 09:30");
		model.put("qr", QrCodes.dataUri(number, 240));
		model.put("photo", PdfImages.dataUri(photo()));
		return model;
	}

	private static byte[] photo() {
		BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x4a90d9));
		graphics.fillRect(0, 0, 120, 160);
		graphics.setColor(Color.WHITE);
		graphics.fillOval(30, 30, 60, 60);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static void assertA4(PDPage page) {
		PDRectangle box = page.getMediaBox();
		assertThat(box.getWidth()).as("width in points").isCloseTo(595f, within(1f));
		assertThat(box.getHeight()).as("height in points").isCloseTo(842f, within(1f));
	}

	private static List<PDFont> fonts(PDPage page) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		PDResources resources = page.getResources();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		assertThat(fonts).isNotEmpty();
		return fonts;
	}

	private static int images(PDPage page) throws IOException {
		int images = 0;
		PDResources resources = page.getResources();
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject) {
				images++;
			}
		}
		return images;
	}

	private String pdftotext(byte[] pdf) throws IOException, InterruptedException {
		return PdfText.of(pdf);
	}
}
