package dev.platformmaturity.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates text widths for layout. SVG has no text measurement on the server, and the
 * PDF maps fonts itself, so the estimate uses the widths of a wide sans-serif (DejaVu
 * Sans) to err towards too much room rather than overlap.
 */
final class TextMetrics {

	private TextMetrics() {
	}

	static double width(String text, double fontSize) {
		return text.codePoints().mapToDouble(TextMetrics::em).sum() * fontSize;
	}

	/**
	 * Breaks at spaces so each line fits maxWidth where it can; a single word wider than
	 * that keeps its own line.
	 */
	static List<String> wrap(String text, double maxWidth, double fontSize) {
		List<String> lines = new ArrayList<>();
		String line = "";
		for (String word : text.trim().split("\\s+")) {
			String longer = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && width(longer, fontSize) > maxWidth) {
				lines.add(line);
				line = word;
			}
			else {
				line = longer;
			}
		}
		lines.add(line);
		return lines;
	}

	private static double em(int c) {
		if (wide(c)) {
			return 1.0;
		}
		if ("iljfrtI.,:;'!|()[]{} ".indexOf(c) >= 0) {
			return 0.36;
		}
		if ("mwMW".indexOf(c) >= 0) {
			return 0.92;
		}
		if (Character.isUpperCase(c)) {
			return 0.72;
		}
		return Character.isLowerCase(c) ? 0.6 : 0.64;
	}

	private static boolean wide(int c) {
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F);
	}

}
