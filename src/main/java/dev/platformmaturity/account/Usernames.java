package dev.platformmaturity.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Usernames are stored in lower case; sign-in and look-ups ignore case and surrounding
 * spaces.
 */
public final class Usernames {

	public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private Usernames() {
	}

	public static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

}
