package dev.platformmaturity.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bidi controls are removed from text people typed; everything else stays as typed. */
class DisplayTextTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Evil\u202Egnp.exe                        | Evilgnp.exe
			\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee      | abcde
			\u2066x\u2067y\u2068z\u2069              | xyz
			a\u200Eb\u200Fc\u061Cd                   | abcd
			""")
	void removesEveryBidiControl(String typed, String shown) {
		assertThat(DisplayText.of(typed)).isEqualTo(shown);
	}

	@Test
	void keepsEverythingElseAsTyped() {
		String typed = "支付平台 Payments — Rocket 🚀 team, zero\u200Bwidth, עברית, العربية, " + "'quotes' & <tags>";
		assertThat(DisplayText.of(typed)).isSameAs(typed);
		assertThat(DisplayText.of("")).isEmpty();
		assertThat(DisplayText.of(null)).isNull();
	}

	@Test
	void isWhatTemplatesCallAsDisplayText() {
		assertThat(new DisplayTextDialect.Texts().text("a\u202Eb")).isEqualTo("ab");
	}

}
