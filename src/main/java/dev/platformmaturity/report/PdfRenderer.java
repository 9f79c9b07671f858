package dev.platformmaturity.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import org.springframework.stereotype.Component;

/**
 * Turns report HTML into one PDF: each part is laid out on its own (so no part needs the whole report in memory),
 * the parts are merged through temporary files, and every page then gets the running header and "page n of N". Fonts
 * come from the application itself, so a report looks the same on any machine and Chinese is real text.
 */
@Component
class PdfRenderer {

	static final String LATIN = "DejaVu Sans";

	static final String CHINESE = "Droid Sans Fallback";

	private static final URL FONTS = PdfRenderer.class.getResource("/fonts/");

	private final ReportProperties properties;

	PdfRenderer(ReportProperties properties) {
		this.properties = properties;
	}

	/** The header and footer written on every page, and the document's metadata. */
	record Frame(String title, String header, String pageLabel, String language) {
	}

	/**
	 * Renders the parts, in order, into {@code out}. {@code pageLabel} is a pattern with {0} for the page and {1} for
	 * the number of pages.
	 */
	void render(List<Supplier<String>> parts, Frame frame, OutputStream out) {
		Path work = null;
		try {
			work = Files.createTempDirectory("report");
			List<Path> files = new ArrayList<>();
			for (Supplier<String> part : parts) {
				Path file = work.resolve("part-" + files.size() + ".pdf");
				try (OutputStream partOut = Files.newOutputStream(file)) {
					layOut(part.get(), partOut);
				}
				files.add(file);
			}
			Path merged = work.resolve("merged.pdf");
			PDFMergerUtility merger = new PDFMergerUtility();
			for (Path file : files) {
				merger.addSource(file.toFile());
			}
			merger.setDestinationFileName(merged.toString());
			merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
			try (PDDocument document = Loader.loadPDF(merged.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
				frame(document, frame);
				document.save(out);
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException("The report could not be written", failed);
		}
		finally {
			deleteQuietly(work);
		}
	}

	private void layOut(String html, OutputStream out) throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), FONTS.toExternalForm());
		builder.useDefaultPageSize(properties.pageSize().widthMm, properties.pageSize().heightMm,
				BaseRendererBuilder.PageSizeUnits.MM);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.useFont(() -> font("DejaVuSans.ttf"), LATIN, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Bold.ttf"), LATIN, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("DroidSansFallbackFull.ttf"), CHINESE, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> font("DroidSansFallbackFull.ttf"), CHINESE, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
		builder.withProducer("Platform Maturity");
		builder.toStream(out);
		builder.run();
	}

	/** Header text at the top left, the page label at the bottom right, on every page; and the document metadata. */
	private void frame(PDDocument document, Frame frame) throws IOException {
		List<PDType0Font> fonts = new ArrayList<>();
		for (String file : List.of("DejaVuSans.ttf", "DroidSansFallbackFull.ttf")) {
			try (InputStream in = font(file)) {
				fonts.add(PDType0Font.load(document, in, true));
			}
		}
		int pages = document.getNumberOfPages();
		int number = 0;
		for (PDPage page : document.getPages()) {
			number++;
			float width = page.getMediaBox().getWidth();
			float height = page.getMediaBox().getHeight();
			List<Run> header = runs(frame.header(), fonts);
			List<Run> label = runs(java.text.MessageFormat.format(frame.pageLabel(), number, pages), fonts);
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

	private static final float FRAME_FONT_SIZE = 8;

	/** A stretch of text in one font: the Latin font where it has the glyph, else the Chinese one. */
	private record Run(PDType0Font font, String text) {
	}

	private static List<Run> runs(String text, List<PDType0Font> fonts) throws IOException {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		PDType0Font currentFont = null;
		for (int codePoint : text.codePoints().toArray()) {
			PDType0Font font = fonts.get(fonts.size() - 1);
			for (PDType0Font candidate : fonts) {
				if (candidate.hasGlyph(codePoint)) {
					font = candidate;
					break;
				}
			}
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

	private static InputStream font(String file) {
		InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + file);
		if (in == null) {
			throw new IllegalStateException("The font " + file + " is missing from the application");
		}
		return in;
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
