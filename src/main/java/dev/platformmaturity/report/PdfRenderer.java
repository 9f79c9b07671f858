package dev.platformmaturity.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import org.springframework.stereotype.Component;

import dev.platformmaturity.report.ReportFonts.Face;

/**
 * Turns report HTML into one PDF and writes the running header and "page n of N" on every page. A report of one part
 * is laid out and framed in memory. A report of several parts lays out each part on its own (so no part needs the
 * whole report in memory) and merges them through temporary files. Fonts come from the application itself, so a
 * report looks the same on any machine and Chinese is real text.
 */
@Component
class PdfRenderer {

	static final String LATIN = "DejaVu Sans";

	static final String CHINESE = "Droid Sans Fallback";

	private static final String BASE_URL = PdfRenderer.class.getResource("/fonts/").toExternalForm();

	private static final float FRAME_FONT_SIZE = 8;

	private final ReportProperties properties;

	private final ReportFonts fonts;

	PdfRenderer(ReportProperties properties, ReportFonts fonts) {
		this.properties = properties;
		this.fonts = fonts;
	}

	/** The header and footer written on every page, and the document's metadata. */
	record Frame(String title, String header, String pageLabel, String language) {
	}

	/**
	 * Renders the parts, in order, into {@code out}. {@code pageLabel} is a pattern with {0} for the page and {1} for
	 * the number of pages.
	 */
	void render(List<Supplier<String>> parts, Frame frame, OutputStream out) {
		try (ReportFonts.Parsed parsed = fonts.borrow()) {
			if (parts.size() == 1) {
				try (PDDocument document = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
					DocumentFonts documentFonts = new DocumentFonts(document, parsed);
					layOut(parts.get(0).get(), document, documentFonts);
					frame(document, frame, documentFonts);
					document.save(out);
				}
			}
			else {
				renderInParts(parts, frame, parsed, out);
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException("The report could not be written", failed);
		}
	}

	private void renderInParts(List<Supplier<String>> parts, Frame frame, ReportFonts.Parsed parsed, OutputStream out)
			throws IOException {
		Path work = Files.createTempDirectory("report");
		try {
			PDFMergerUtility merger = new PDFMergerUtility();
			for (int i = 0; i < parts.size(); i++) {
				Path file = work.resolve("part-" + i + ".pdf");
				try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
					layOut(parts.get(i).get(), document, new DocumentFonts(document, parsed));
					document.save(file.toFile());
				}
				merger.addSource(file.toFile());
			}
			Path merged = work.resolve("merged.pdf");
			merger.setDestinationFileName(merged.toString());
			merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
			try (PDDocument document = Loader.loadPDF(merged.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
				frame(document, frame, new DocumentFonts(document, parsed));
				document.save(out);
			}
		}
		finally {
			deleteQuietly(work);
		}
	}

	private void layOut(String html, PDDocument document, DocumentFonts documentFonts) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePDDocument(document);
		builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), BASE_URL);
		builder.useDefaultPageSize(properties.pageSize().widthMm, properties.pageSize().heightMm,
				BaseRendererBuilder.PageSizeUnits.MM);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.useFont(documentFonts.supplier(Face.LATIN), LATIN, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(documentFonts.supplier(Face.LATIN_BOLD), LATIN, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(documentFonts.supplier(Face.CHINESE), CHINESE, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(documentFonts.supplier(Face.CHINESE), CHINESE, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withProducer("Platform Maturity");
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.createPDFKeepOpen();
		}
	}

	/**
	 * The report fonts as embedded in one document: each face loaded at most once, and only when first used (loading
	 * the Chinese font reads the widths of its 50,000 glyphs; a report in English without Chinese text never needs it).
	 */
	private static final class DocumentFonts {

		private final PDDocument document;

		private final ReportFonts.Parsed parsed;

		private final Map<Face, PDType0Font> loaded = new EnumMap<>(Face.class);

		DocumentFonts(PDDocument document, ReportFonts.Parsed parsed) {
			this.document = document;
			this.parsed = parsed;
		}

		PDType0Font get(Face face) {
			PDType0Font font = loaded.get(face);
			if (font == null) {
				try {
					font = PDType0Font.load(document, parsed.get(face), true);
				}
				catch (IOException failed) {
					throw new UncheckedIOException("The font " + face + " could not be embedded", failed);
				}
				loaded.put(face, font);
			}
			return font;
		}

		PDFontSupplier supplier(Face face) {
			return new PDFontSupplier(null) {
				@Override
				public PDFont supply() {
					return get(face);
				}
			};
		}

	}

	/** Header text at the top left, the page label at the bottom right, on every page; and the document metadata. */
	private void frame(PDDocument document, Frame frame, DocumentFonts documentFonts) throws IOException {
		int pages = document.getNumberOfPages();
		int number = 0;
		for (PDPage page : document.getPages()) {
			number++;
			float width = page.getMediaBox().getWidth();
			float height = page.getMediaBox().getHeight();
			List<Run> header = runs(frame.header(), documentFonts);
			List<Run> label = runs(MessageFormat.format(frame.pageLabel(), number, pages), documentFonts);
			try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
					true, true)) {
				content.setNonStrokingColor(0.35f, 0.38f, 0.42f);
				write(content, header, 42, height - 28);
				write(content, label, width - 42 - width(label), 26);
			}
		}
		PDDocumentInformation information = document.getDocumentInformation();
		information.setTitle(frame.title());
		information.setCreator("Platform Maturity");
		document.getDocumentCatalog().setLanguage(frame.language());
	}

	/** A stretch of text in one font: the Latin font where it has the glyph, else the Chinese one. */
	private record Run(PDType0Font font, String text) {
	}

	private static List<Run> runs(String text, DocumentFonts fonts) throws IOException {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		PDType0Font currentFont = null;
		for (int codePoint : text.codePoints().toArray()) {
			PDType0Font latin = fonts.get(Face.LATIN);
			PDType0Font font = latin.hasGlyph(codePoint) ? latin : fonts.get(Face.CHINESE);
			if (font != currentFont && current.length() > 0) {
				runs.add(new Run(currentFont, current.toString()));
				current.setLength(0);
			}
			currentFont = font;
			current.appendCodePoint(codePoint);
		}
		if (current.length() > 0) {
			runs.add(new Run(currentFont, current.toString()));
		}
		return runs;
	}

	private static float width(List<Run> runs) throws IOException {
		float width = 0;
		for (Run run : runs) {
			width += run.font().getStringWidth(run.text()) / 1000 * FRAME_FONT_SIZE;
		}
		return width;
	}

	private static void write(PDPageContentStream content, List<Run> runs, float x, float y) throws IOException {
		content.beginText();
		content.newLineAtOffset(x, y);
		for (Run run : runs) {
			content.setFont(run.font(), FRAME_FONT_SIZE);
			content.showText(run.text());
		}
		content.endText();
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary folder left behind does no harm
		}
	}

}
