package dev.platformmaturity.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.platformmaturity.report.ReportFonts.Face;
import dev.platformmaturity.shared.DisplayText;

/**
 * Text as the report fonts can draw it, the same wherever a report writes text: the
 * laid-out pages, the charts and the page frame. Bidi controls are neutralised as on
 * every page ({@link DisplayText}). A character that no report font has never fails a
 * report (as a team named "Rocket 🚀 team" once did): it is dropped when it is invisible
 * anyway (a format character, a control character), becomes a space when it is one, and
 * else shows as the replacement character U+FFFD. Variation selectors (U+FE0F after an
 * emoji) are always dropped, as the fonts have no variants.
 */
@Component
class ReportText {

	static final int REPLACEMENT = 0xFFFD;

	private final ReportFonts fonts;

	ReportText(ReportFonts fonts) {
		this.fonts = fonts;
		if (!drawable(REPLACEMENT)) {
			throw new IllegalStateException("No report font has the replacement character U+FFFD");
		}
	}

	/** A stretch of text in one face. */
	record Run(Face face, String text) {
	}

	/** The text with every character a report font can draw, see the class comment. */
	String drawable(String text) {
		String neutral = DisplayText.of(text);
		StringBuilder out = null;
		for (int i = 0; i < neutral.length();) {
			int codePoint = neutral.codePointAt(i);
			boolean kept = drawable(codePoint) && !variationSelector(codePoint);
			if (out == null && !kept) {
				out = new StringBuilder(neutral.length()).append(neutral, 0, i);
			}
			if (out != null) {
				if (kept) {
					out.appendCodePoint(codePoint);
				}
				else if (!invisible(codePoint)) {
					out.appendCodePoint(
							Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) ? ' ' : REPLACEMENT);
				}
			}
			i += Character.charCount(codePoint);
		}
		return out == null ? neutral : out.toString();
	}

	/**
	 * The drawable text in runs of one face each: the first face in {@code order} that
	 * has the character.
	 */
	List<Run> runs(String text, List<Face> order) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Face currentFace = null;
		String drawable = drawable(text);
		for (int i = 0; i < drawable.length();) {
			int codePoint = drawable.codePointAt(i);
			Face face = order.stream().filter(candidate -> fonts.has(candidate, codePoint)).findFirst().orElseThrow();
			if (face != currentFace && current.length() > 0) {
				runs.add(new Run(currentFace, current.toString()));
				current.setLength(0);
			}
			currentFace = face;
			current.appendCodePoint(codePoint);
			i += Character.charCount(codePoint);
		}
		if (current.length() > 0) {
			runs.add(new Run(currentFace, current.toString()));
		}
		return runs;
	}

	private boolean drawable(int codePoint) {
		return fonts.has(Face.LATIN, codePoint) || fonts.has(Face.CHINESE, codePoint);
	}

	private static boolean invisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.FORMAT || type == Character.CONTROL && !Character.isWhitespace(codePoint)
				|| variationSelector(codePoint) || codePoint == 0x034F;
	}

	/**
	 * Chooses a glyph variant the report fonts do not have, so it is always dropped (as
	 * after an emoji).
	 */
	private static boolean variationSelector(int codePoint) {
		return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
	}

}
