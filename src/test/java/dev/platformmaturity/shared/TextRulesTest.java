package dev.platformmaturity.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "支付中台", "Rocket 🚀 team", "zero\u200Bwidth", "bidi \u202E override",
			"tab\tnew\nline\r", "\uFFFD replacement", "\uD83D\uDE80" })
	void textThatCanBeStoredAsItIsPasses(String text) {
		assertThat(TextRules.flaw(text)).isEmpty();
		assertThat(TextRules.visible(text)).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false,
			value = { "\u0000|input.text.nul|1|U+0000", "ab\u0000|input.text.nul|3|U+0000",
					"🚀\u0000|input.text.nul|2|U+0000", "a\uD800b|input.text.loneSurrogate|2|U+D800",
					"a\uDC00|input.text.loneSurrogate|2|U+DC00", "\uDE80\uD83D|input.text.loneSurrogate|1|U+DE80",
					"🚀🚀\uD83D|input.text.loneSurrogate|3|U+D83D" })
	void aNulOrALoneSurrogateIsRefusedWithItsPositionInCharacters(String text, String messageKey, int position,
			String character) {
		assertThat(TextRules.flaw(text)).contains(new TextRules.Flaw(messageKey, position, character));
		assertThat(TextRules.problem("comment", text)).hasValueSatisfying(problem -> {
			assertThat(problem.field()).isEqualTo("comment");
			assertThat(problem.messageKey()).isEqualTo(messageKey);
			assertThat(problem.arguments()).containsExactly("comment", position, character);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false,
			value = { "a\u0000b|aU+0000b", "x\uD800|xU+D800", "🚀\u0000🚀|🚀U+0000🚀" })
	void visibleWritesTheOffendingCharactersAsCodes(String text, String shown) {
		assertThat(TextRules.visible(text)).isEqualTo(shown);
	}

	@Test
	void nullIsNoText() {
		assertThat(TextRules.flaw(null)).isEmpty();
	}

}
