package dev.platformmaturity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 100,000 most common passwords of breach corpora, as shipped with nbvcxz,
 * lower-cased and sorted; read once, on first use.
 */
final class CommonPasswords {

	static final String LIST = "dictionaries/passwords.txt";

	private CommonPasswords() {
	}

	static boolean contains(String lowerCasePassword) {
		return Arrays.binarySearch(List.ENTRIES, lowerCasePassword) >= 0;
	}

	static int size() {
		return List.ENTRIES.length;
	}

	private static final class List {

		private static final String[] ENTRIES = read();

		private static String[] read() {
			try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(LIST)) {
				if (in == null) {
					throw new IllegalStateException("The common-password list " + LIST + " is not on the class path");
				}
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
					return lines.lines()
						.map(String::strip)
						.filter(line -> !line.isEmpty())
						.map(line -> line.toLowerCase(Locale.ROOT))
						.distinct()
						.sorted()
						.toArray(String[]::new);
				}
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		}

	}

}
