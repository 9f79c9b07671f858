package dev.platformmaturity.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password rule after NIST SP 800-63B: length, not the username, not guessable; no
 * composition rules.
 */
class PasswordPolicyTest {

	@Test
	void theCommonPasswordListComesFromAPackageAndHasAtLeastTenThousandEntries() {
		assertThat(CommonPasswords.class.getClassLoader().getResource(CommonPasswords.LIST)).isNotNull();
		assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
		assertThat(CommonPasswords.contains("qwerty123456")).isTrue();
		assertThat(CommonPasswords.contains("correct horse battery")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			too short      | password.tooShort
			abababababab   | password.tooCommon
			qwerty123456   | password.tooCommon
			Password12345  | password.tooCommon
			QWERTY123456   | password.tooCommon
			!!dragon2026!! | password.tooCommon
			123456789012   | password.tooCommon
			abcdefghijklm  | password.tooCommon
			987654321098   | password.tooCommon
			passpasspasspass | password.tooCommon
			Platform-Maturity! | password.tooCommon
			xx-wang.fang-xx | password.containsUsername
			""")
	void refusesWeakPasswordsWithTheReason(String password, String problem) {
		assertThat(PasswordPolicy.problem(password, "Wang.Fang")).contains(problem);
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery", "tr0ub4dor&3 staple", "所有的猫都喜欢晒太阳的下午", "alllowercaseletters",
			"1985 was a good year" })
	void acceptsLongPassphrasesWithoutAnyCompositionRule(String password) {
		assertThat(PasswordPolicy.problem(password, "wang.fang")).isEmpty();
	}

	@Test
	void refusesMoreThanBcryptCanHash() {
		assertThat(PasswordPolicy.problem("密码".repeat(13), "someone")).contains("password.tooLong");
	}

}
