package dev.platformmaturity.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.function.Supplier;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import org.springframework.stereotype.Component;

import dev.platformmaturity.report.ReportFonts.Face;
import dev.platformmaturity.shared.DisplayText;

/**
 * Turns report HTML into one PDF and writes the running header and "page n of N" on every
 * page. The parts of a report are laid out one after the other into the same document (so
 * no part needs the whole report in memory, and each font is embedded once); a report of
 * several parts keeps its pages' content in a temporary file rather than in memory. Fonts
 * come from the application itself, so a report looks the same on any machine and Chinese
 * is real text; every text goes through {@link ReportText}, so a character no font has
 * never fails a report. Charts are drawn as vectors ({@link ChartPainter}). Renders run
 * under {@link RenderLimit}.
 */
@Component
class PdfRenderer {

	static final String LATIN = "DejaVu Sans";

	static final String CHINESE = "Droid Sans Fallback";

	private static final String BASE_URL = PdfRenderer.class.getResource("/fonts/").toExternalForm();

	private static final float FRAME_FONT_SIZE = 8;

	/**
	 * Making one looks the XML parser factory up (a service lookup); kept per thread, as
	 * it is not thread-safe.
	 */
	private static final ThreadLocal<W3CDom> W3C_DOM = ThreadLocal.withInitial(W3CDom::new);

	private final ReportProperties properties;

	private final ReportFonts fonts;

	private final ReportText text;

	private final RenderLimit limit;

	PdfRenderer(ReportProperties properties, ReportFonts fonts, ReportText text, RenderLimit limit) {
		this.properties = properties;
		this.fonts = fonts;
		this.text = text;
		this.limit = limit;
	}

	/**
	 * The header and footer written on every page, the document's metadata, and whether
	 * its pages lie on their side (one orientation per document: the layout takes its
	 * width from the first page).
	 */
	record Frame(String title, String header, String pageLabel, String language, boolean landscape) {

		Frame(String title, String header, String pageLabel, String language) {
			this(title, header, pageLabel, language, false);
		}

	}

	/**
	 * Renders the parts, in order, into {@code out}, drawing the charts they placed.
	 * {@code pageLabel} is a pattern with {0} for the page and {1} for the number of
	 * pages. Waits for a render permit first and throws {@link ReportsBusyException}
	 * before writing anything when none comes.
	 */
	void render(List<Supplier<String>> parts, ReportCharts charts, Frame frame, OutputStream out) {
		try (RenderLimit.Permit permit = limit.acquire();
				ReportFonts.Parsed parsed = fonts.borrow();
				PDDocument document = new PDDocument(parts.size() == 1 ? IOUtils.createMemoryOnlyStreamCache()
						: IOUtils.createTempFileOnlyStreamCache())) {
			DocumentFonts documentFonts = new DocumentFonts(document, parsed);
			ChartPainter painter = new ChartPainter(document, documentFonts, text, ReportFonts.order(frame.language()));
			for (Supplier<String> part : parts) {
				layOut(part.get(), document, documentFonts, charts, painter, frame.landscape());
			}
			frame(document, frame, documentFonts);
			document.save(out);
		}
		catch (IOException failed) {
			throw new UncheckedIOException("The report could not be written", failed);
		}
	}

	private void layOut(String html, PDDocument document, DocumentFonts documentFonts, ReportCharts charts,
			ChartPainter painter, boolean landscape) throws IOException {
		ReportProperties.PageSize size = properties.pageSize();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePDDocument(document);
		builder.withW3cDocument(W3C_DOM.get().fromJsoup(drawable(Jsoup.parse(html))), BASE_URL);
		builder.useDefaultPageSize(landscape ? size.heightMm : size.widthMm, landscape ? size.widthMm : size.heightMm,
				BaseRendererBuilder.PageSizeUnits.MM);
		builder.useObjectDrawerFactory(charts.drawers(painter));
		builder.useReplacementText(Character.toString(ReportText.REPLACEMENT));
		builder.useFont(documentFonts.supplier(Face.LATIN), LATIN, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(documentFonts.supplier(Face.LATIN_BOLD), LATIN, 700, BaseRendererBuilder.FontStyle.NORMAL,
				true);
		builder.useFont(documentFonts.supplier(Face.CHINESE), CHINESE, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(documentFonts.supplier(Face.CHINESE), CHINESE, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withProducer("Platform Maturity");
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.createPDFKeepOpen();
		}
	}

	/**
	 * Every text of the page as the report fonts draw it, so layout, charts and frame
	 * agree.
	 */
	private Document drawable(Document page) {
		NodeTraversor.traverse((node, depth) -> {
			if (node instanceof TextNode textNode) {
				textNode.text(text.drawable(textNode.getWholeText()));
			}
		}, page);
		return page;
	}

	/**
	 * Header text at the top left, the page label at the bottom right, on every page; and
	 * the document metadata.
	 */
	private void frame(PDDocument document, Frame frame, DocumentFonts documentFonts) throws IOException {
		List<Face> order = ReportFonts.order(frame.language());
		List<ReportText.Run> header = text.runs(frame.header(), order);
		int pages = document.getNumberOfPages();
		int number = 0;
		for (PDPage page : document.getPages()) {
			number++;
			float width = page.getMediaBox().getWidth();
			float height = page.getMediaBox().getHeight();
			List<ReportText.Run> label = text.runs(MessageFormat.format(frame.pageLabel(), number, pages), order);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				content.setNonStrokingColor(0.35f, 0.38f, 0.42f);
				write(content, header, documentFonts, 42, height - 28);
				write(content, label, documentFonts, width - 42 - width(label, documentFonts), 26);
			}
		}
		PDDocumentInformation information = document.getDocumentInformation();
		information.setTitle(DisplayText.of(frame.title()));
		information.setCreator("Platform Maturity");
		document.getDocumentCatalog().setLanguage(frame.language());
	}

	private static float width(List<ReportText.Run> runs, DocumentFonts fonts) throws IOException {
		float width = 0;
		for (ReportText.Run run : runs) {
			width += fonts.get(run.face()).getStringWidth(run.text()) / 1000 * FRAME_FONT_SIZE;
		}
		return width;
	}

	private static void write(PDPageContentStream content, List<ReportText.Run> runs, DocumentFonts fonts, float x,
			float y) throws IOException {
		content.beginText();
		content.newLineAtOffset(x, y);
		for (ReportText.Run run : runs) {
			content.setFont(fonts.get(run.face()), FRAME_FONT_SIZE);
			content.showText(run.text());
		}
		content.endText();
	}

}
