package dev.platformmaturity.account;

import java.security.SecureRandom;

/**
 * Random passwords for new accounts, from an alphabet without look-alike characters; they
 * meet the password policy.
 */
public final class Passwords {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	public static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
