package cn.medrecruit.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.medrecruit.shared.Texts;

/**
 * The one way to render a PDF: a Thymeleaf template under {@code templates/pdf/}, written as well-formed XHTML (every
 * tag closed, no HTML-only entities such as {@code &nbsp;}), with its texts from the message bundle, becomes an A4
 * page set in WenQuanYi Micro Hei, embedded so that the Chinese text can be copied and searched.
 * <p>
 * Images come in the model as {@code data:} URIs ({@link PdfImages}, {@link QrCodes}); a template loads nothing from
 * files or the network. Each call builds its own renderer and document, so calls may run in parallel.
 */
@Service
public class PdfDocuments {

	private static final String TEMPLATE_FOLDER = "pdf/";

	/** Put first in {@code <head>}, so that a template's own styles win. */
	private static final String DEFAULT_STYLE = "body { font-family: '" + CjkFont.FAMILY + "'; }";

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
		RendererLog.install();
	}

	/**
	 * Renders {@code templates/pdf/<template>.html} with {@code model}.
	 *
	 * @param template the template's name inside {@code templates/pdf/}, without {@code .html}
	 */
	public byte[] render(String template, Map<String, Object> model) {
		if (template == null || !template.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
			throw new IllegalArgumentException("not a PDF template name: " + template);
		}
		String html = templates.process(TEMPLATE_FOLDER + template, new Context(Texts.LOCALE, model));
		try {
			return toPdf(html);
		}
		catch (IOException | RuntimeException ex) {
			// most often a template that is not well-formed XHTML: the cause names the line
			throw new IllegalStateException("cannot render PDF template " + template, ex);
		}
	}

	private static byte[] toPdf(String html) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.loadInto(document)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(document);
			builder.useFont(new PDFontSupplier(font.font()), CjkFont.FAMILY, 400, FontStyle.NORMAL, true);
			builder.withProducer("MedRecruit");
			// A4 unless the template's @page says otherwise
			builder.useDefaultPageSize(210, 297, PageSizeUnits.MM);
			builder.addDOMMutator(PdfDocuments::addDefaultStyle);
			// a template never reaches files, the class path or the network: images are data: URIs in the model
			builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		return out.toByteArray();
	}

	private static void addDefaultStyle(Document html) {
		Element head = (Element) html.getElementsByTagName("head").item(0);
		if (head == null) {
			head = html.createElement("head");
			html.getDocumentElement().insertBefore(head, html.getDocumentElement().getFirstChild());
		}
		Element style = html.createElement("style");
		style.setAttribute("type", "text/css");
		style.appendChild(html.createTextNode(DEFAULT_STYLE));
		Node first = head.getFirstChild();
		head.insertBefore(style, first);
	}
}
