package dev.platformmaturity.shared;

/**
 * Text people typed (team, group and person names, comments), as pages and PDF reports
 * show it. Unicode's bidi controls are removed: the embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). A name then can
 * neither reverse how it reads (U+202E RIGHT-TO-LEFT OVERRIDE turns "gpj.exe" into what
 * looks like "exe.jpg") nor reorder the text around it; right-to-left scripts still read
 * right to left, as the Unicode bidi algorithm places their letters without controls.
 * What is stored stays as it was typed: this is for showing text only, never for form
 * fields or saving.
 */
public final class DisplayText {

	private DisplayText() {
	}

	/** The text without bidi controls; null stays null. */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		int first = firstBidiControl(text);
		if (first < 0) {
			return text;
		}
		StringBuilder shown = new StringBuilder(text.length()).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isBidiControl(c)) {
				shown.append(c);
			}
		}
		return shown.toString();
	}

	private static int firstBidiControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isBidiControl(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * All bidi controls are in the Basic Multilingual Plane, so a UTF-16 unit never
	 * splits one.
	 */
	static boolean isBidiControl(char c) {
		return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

}
