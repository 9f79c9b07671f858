package dev.platformmaturity.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import org.springframework.stereotype.Component;

/**
 * The fonts reports are set in, read from the application once and parsed once per pooled
 * set. Parsing the 4 MB Chinese font for every report took a third of a one-page report's
 * time. A parsed font reads its tables lazily and is not safe to share between threads,
 * so each render borrows a parsed set and gives it back when done; renders run under
 * {@link RenderLimit}, so no more sets are ever parsed than renders may run at once, and
 * every set parsed is kept. Reuse rests on one PDFBox behaviour: saving a document
 * "closes" the fonts it subset, which for a font parsed from memory releases nothing
 * (ReportTest renders several reports with the same sets and would fail if that changed).
 */
@Component
class ReportFonts {

	enum Face {

		LATIN("DejaVuSans.ttf"), LATIN_BOLD("DejaVuSans-Bold.ttf"), CHINESE("DroidSansFallbackFull.ttf");

		private final String file;

		Face(String file) {
			this.file = file;
		}

	}

	/**
	 * The faces that draw regular text, in the order a character is looked up for a Latin
	 * and a Chinese report.
	 */
	static final List<Face> LATIN_FIRST = List.of(Face.LATIN, Face.CHINESE);

	static final List<Face> CHINESE_FIRST = List.of(Face.CHINESE, Face.LATIN);

	private final Map<Face, byte[]> files = new EnumMap<>(Face.class);

	private final Map<Face, BitSet> coverage = new EnumMap<>(Face.class);

	private final Deque<Parsed> idle = new ConcurrentLinkedDeque<>();

	ReportFonts() {
		for (Face face : Face.values()) {
			try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + face.file)) {
				if (in == null) {
					throw new IllegalStateException("The font " + face.file + " is missing from the application");
				}
				files.put(face, in.readAllBytes());
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException("The font " + face.file + " could not be read", unreadable);
			}
		}
		Parsed first = parse();
		for (Face face : Face.values()) {
			coverage.put(face, coverage(first.get(face)));
		}
		idle.push(first);
	}

	/**
	 * The report languages' font orders: the first face that has a character draws it.
	 */
	static List<Face> order(String language) {
		return language.startsWith("zh") ? CHINESE_FIRST : LATIN_FIRST;
	}

	/** Whether the face has a glyph for the character. */
	boolean has(Face face, int codePoint) {
		return coverage.get(face).get(codePoint);
	}

	/**
	 * A parsed set for this thread alone until it is closed; call only while holding a
	 * render permit.
	 */
	Parsed borrow() {
		Parsed parsed = idle.pollFirst();
		return parsed != null ? parsed : parse();
	}

	private Parsed parse() {
		Map<Face, TrueTypeFont> fonts = new EnumMap<>(Face.class);
		try {
			for (Face face : Face.values()) {
				TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(files.get(face)));
				// Without its glyph substitution table PDFBox writes each character as
				// itself: no ligatures, which
				// keeps report text extractable letter by letter, and no substitution
				// pass over every string drawn
				// (a fifth of a team report's time). The subset embedded in the PDF never
				// carries this table.
				font.getTableMap().remove("GSUB");
				fonts.put(face, font);
			}
		}
		catch (IOException unparsable) {
			throw new UncheckedIOException("A report font could not be parsed", unparsable);
		}
		return new Parsed(fonts);
	}

	private static BitSet coverage(TrueTypeFont font) {
		try {
			CmapLookup cmap = font.getUnicodeCmapLookup();
			BitSet characters = new BitSet();
			for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
				List<Integer> codes = cmap.getCharCodes(glyph);
				if (codes != null) {
					codes.forEach(characters::set);
				}
			}
			return characters;
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("A report font's character map could not be read", unreadable);
		}
	}

	final class Parsed implements AutoCloseable {

		private final Map<Face, TrueTypeFont> fonts;

		private Parsed(Map<Face, TrueTypeFont> fonts) {
			this.fonts = fonts;
		}

		TrueTypeFont get(Face face) {
			return fonts.get(face);
		}

		/** Gives the set back for the next render. */
		@Override
		public void close() {
			idle.offerFirst(this);
		}

	}

}
