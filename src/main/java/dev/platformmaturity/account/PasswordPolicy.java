package dev.platformmaturity.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The password rule, after NIST SP 800-63B: at least 12 characters, at most 72 bytes
 * (BCrypt's limit), not containing the username, and not guessable: not one of the most
 * common passwords (also not with digits or punctuation merely added before or after it),
 * not the application's name, not a short pattern repeated, not a run of consecutive
 * characters. No rules about character classes. Returns the message key of the first
 * problem.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private static final Pattern REPEATED = Pattern.compile("(.{1,6}?)\\1+");

	/** Digits, punctuation and spaces people add to a word to pass a length rule. */
	private static final Pattern PADDING = Pattern.compile("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$");

	private static final Pattern APPLICATION_NAME = Pattern.compile("platform[\\s._-]*maturity");

	private PasswordPolicy() {
	}

	public static Optional<String> problem(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String name = username == null ? "" : Usernames.normalize(username);
		if (!name.isEmpty() && lower.contains(name)) {
			return Optional.of("password.containsUsername");
		}
		return guessable(lower) ? Optional.of("password.tooCommon") : Optional.empty();
	}

	private static boolean guessable(String lower) {
		String core = PADDING.matcher(lower).replaceAll("");
		return CommonPasswords.contains(lower) || (!core.isEmpty() && CommonPasswords.contains(core))
				|| APPLICATION_NAME.matcher(core).matches() || REPEATED.matcher(lower).matches() || consecutive(lower);
	}

	/**
	 * Like {@code abcdefghijkl}, {@code 987654321098} or {@code 123456789012}: each
	 * character one after the last.
	 */
	private static boolean consecutive(String lower) {
		int[] points = lower.codePoints().toArray();
		int step = next(points[0], points[1]);
		if (Math.abs(step) != 1) {
			return false;
		}
		for (int i = 2; i < points.length; i++) {
			if (next(points[i - 1], points[i]) != step) {
				return false;
			}
		}
		return true;
	}

	private static int next(int from, int to) {
		if (Character.isDigit(from) && Character.isDigit(to) && Math.abs(to - from) == 9) {
			return from == '9' ? 1 : -1;
		}
		return to - from;
	}

}
