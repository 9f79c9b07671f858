package dev.platformmaturity.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the user interface. Every message exists in each of them. */
public enum UiLanguage {

	ENGLISH(Locale.ENGLISH, "English"), CHINESE(Locale.SIMPLIFIED_CHINESE, "中文");

	private final Locale locale;

	private final String nativeName;

	UiLanguage(Locale locale, String nativeName) {
		this.locale = locale;
		this.nativeName = nativeName;
	}

	public Locale locale() {
		return locale;
	}

	/**
	 * The language tag used in URLs, cookies and model texts: {@code en}, {@code zh-CN}.
	 */
	public String tag() {
		return locale.toLanguageTag();
	}

	public String nativeName() {
		return nativeName;
	}

	public static List<UiLanguage> all() {
		return Arrays.asList(values());
	}

	/**
	 * The interface language for a locale: any Chinese → zh-CN, English → en, anything
	 * else → none.
	 */
	public static Optional<UiLanguage> of(Locale locale) {
		if (locale == null) {
			return Optional.empty();
		}
		return switch (locale.getLanguage()) {
			case "zh" -> Optional.of(CHINESE);
			case "en" -> Optional.of(ENGLISH);
			default -> Optional.empty();
		};
	}

	public static Optional<UiLanguage> ofTag(String tag) {
		return tag == null ? Optional.empty() : of(Locale.forLanguageTag(tag.replace('_', '-')));
	}

}
