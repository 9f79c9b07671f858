package dev.platformmaturity.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text that comes in, whatever the channel (request parameters, JSON
 * bodies, CSV files): it may not contain a NUL character (U+0000), which PostgreSQL
 * cannot store in text, nor a lone UTF-16 surrogate, which has no UTF-8 form and would be
 * stored as "?". Such text is refused with a message naming the field; it is never
 * changed.
 */
public final class TextRules {

	private TextRules() {
	}

	/**
	 * What is wrong with a text, if anything.
	 *
	 * @param messageKey explains the problem; its arguments are the field, the position
	 * and the character
	 * @param position the position of the first offending character, counted in
	 * characters from 1
	 * @param character the offending character as a code like {@code U+0000}
	 */
	public record Flaw(String messageKey, int position, String character) {

		public FieldProblem of(String field) {
			return new FieldProblem(field, messageKey, visible(field), position, character);
		}

	}

	/**
	 * The first offending character of a text, or empty when the text (or null) may be
	 * stored as it is.
	 */
	public static Optional<Flaw> flaw(String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return Optional.of(new Flaw("input.text.nul", text.codePointCount(0, i) + 1, code(c)));
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of(new Flaw("input.text.loneSurrogate", text.codePointCount(0, i) + 1, code(c)));
			}
		}
		return Optional.empty();
	}

	/** The problem of a field's text, or empty when it may be stored as it is. */
	public static Optional<FieldProblem> problem(String field, String text) {
		return flaw(text).map(flaw -> flaw.of(field));
	}

	/** A text safe to show in a message: offending characters written as their codes. */
	public static String visible(String text) {
		if (flaw(text).isEmpty()) {
			return text;
		}
		StringBuilder shown = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (pair) {
				shown.append(c).append(text.charAt(++i));
			}
			else if (c == '\0' || Character.isSurrogate(c)) {
				shown.append(code(c));
			}
			else {
				shown.append(c);
			}
		}
		return shown.toString();
	}

	private static String code(char c) {
		return String.format(Locale.ROOT, "U+%04X", (int) c);
	}

}
