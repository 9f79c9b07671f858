package dev.platformmaturity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A produced PDF as the tests read it back: its text, pages, fonts and metadata, parsed
 * by PDFBox.
 */
record Pdf(String text, int pages, List<String> fonts, boolean allFontsEmbedded, String title, String language,
		float pageWidth, float pageHeight, List<String> pageHeaders) {

	static Pdf parse(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			List<String> fonts = new ArrayList<>();
			boolean embedded = true;
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					fonts.add(font.getName());
					embedded &= font.isEmbedded();
				}
			}
			PDPage first = document.getPage(0);
			return new Pdf(new PDFTextStripper().getText(document), document.getNumberOfPages(), fonts, embedded,
					document.getDocumentInformation().getTitle(), document.getDocumentCatalog().getLanguage(),
					first.getMediaBox().getWidth(), first.getMediaBox().getHeight(), headers(document));
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("Not a readable PDF", unreadable);
		}
	}

	/**
	 * The first line of every page, top down: the running header the page frame writes.
	 */
	private static List<String> headers(PDDocument document) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		List<String> headers = new ArrayList<>();
		for (int page = 1; page <= document.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			headers.add(stripper.getText(document).strip().lines().findFirst().orElse(""));
		}
		return headers;
	}

}
