package dev.platformmaturity.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A text of the model in several languages, keyed by language tag ({@code en},
 * {@code zh-CN}, ...). English is always present and is the fallback for a language the
 * text lacks.
 */
public record LocalizedText(Map<String, String> texts) {

	public static final String FALLBACK_LANGUAGE = "en";

	public LocalizedText {
		texts = Collections.unmodifiableMap(new TreeMap<>(texts));
	}

	public String in(String language) {
		String text = texts.get(language);
		return text != null ? text : texts.get(FALLBACK_LANGUAGE);
	}

}
