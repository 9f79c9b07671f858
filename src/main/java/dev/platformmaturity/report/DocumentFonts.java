package dev.platformmaturity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import dev.platformmaturity.report.ReportFonts.Face;

/**
 * The report fonts as embedded in one document, shared by every part laid out into it,
 * its charts and its page frame: each face loaded at most once, and only when first used
 * (loading the Chinese font reads the widths of its 50,000 glyphs; a report in English
 * without Chinese text never needs it), and subset when the document is saved.
 */
final class DocumentFonts {

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
