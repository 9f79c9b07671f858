package dev.platformmaturity.shared;

import java.util.Locale;

/**
 * Turns what someone typed into a search box into a safe SQL LIKE fragment (used with
 * {@code escape '\\'}).
 */
public final class SearchTerms {

	private SearchTerms() {
	}

	/** Lower case, trimmed, with the LIKE wildcards escaped; empty for no search. */
	public static String likePattern(String search) {
		return search == null ? ""
				: search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
