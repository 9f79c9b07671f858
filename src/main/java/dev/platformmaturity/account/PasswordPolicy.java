package dev.platformmaturity.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: at least 12 characters, at most 72 bytes (BCrypt's limit), not the username,
 * not one character repeated, not a well-known password. Returns the message key of the first problem.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private static final Set<String> WELL_KNOWN = Set.of("password1234", "123456789012", "1234567890123",
			"qwertyuiopas", "qwertyuiop12", "password123!", "passwordpassword", "iloveyou1234", "letmein12345",
			"administrator", "changeme1234", "welcome12345", "abcdefghijkl", "abc123456789", "platformmaturity");

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
		if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.containsUsername");
		}
		if (password.codePoints().distinct().count() == 1 || WELL_KNOWN.contains(lower)) {
			return Optional.of("password.tooCommon");
		}
		return Optional.empty();
	}

}
