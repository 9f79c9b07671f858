package dev.platformmaturity.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoringTest {

	@ParameterizedTest(name = "levels [{0}] score [{1}]")
	@CsvSource(delimiter = '|', textBlock = """
			''                  |
			1                   | 1.00
			3                   | 3.00
			4                   | 4.00
			1 2 3 4             | 2.50
			4 4 4 4             | 4.00
			1 1 1 1             | 1.00
			1 2 2               | 1.67
			1 1 2               | 1.33
			2 3 3               | 2.67
			3 4 4               | 3.67
			1 2                 | 1.50
			2 2 2 2 2 2 2 3     | 2.13
			1 1 1 2 2 2 2 2     | 1.63
			3 3 3 3 3 4 4 4     | 3.38
			1 1 1 1 1 1 1 2     | 1.13
			1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 | 1.06
			""")
	void scoresTheMeanOfTheAnsweredLevelsRoundedHalfUpToTwoDecimalsAndNothingAnsweredAsNoScore(String levels,
			String score) {
		assertThat(Scoring.aspectScore(levels(levels))).isEqualTo(decimal(score));
		int sum = levels(levels).stream().mapToInt(Integer::intValue).sum();
		assertThat(Scoring.aspectScore(sum, levels(levels).size())).as("from the kept sum and count")
			.isEqualTo(decimal(score));
	}

	@ParameterizedTest(name = "sum {0} of {1} levels is refused")
	@CsvSource({ "1, 0", "0, 1", "5, 1", "9, 2", "-1, -1", "3, 4" })
	void refusesKeptInputsThatLevels1To4CannotAddUpTo(int levelSum, int levelCount) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scoring.aspectScore(levelSum, levelCount));
	}

	@ParameterizedTest(name = "[{0}] is refused")
	@CsvSource({ "0", "5", "-1", "2 0", "1 2 3 4 5", "null", "3 null" })
	void refusesALevelOutside1To4(String levels) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scoring.aspectScore(levels(levels)));
	}

	@ParameterizedTest(name = "score {0} is level {1}, next {2}")
	@CsvSource({ "1.00, 1, 2", "1, 1, 2", "1.5, 1, 2", "1.99, 1, 2", "2.00, 2, 3", "2.99, 2, 3", "3.00, 3, 4",
			"3.99, 3, 4", "4.00, 4,", "4, 4," })
	void levelIsTheWholePartAndNextLevelTheOneAbove(BigDecimal score, int level, Integer nextLevel) {
		assertThat(Scoring.level(score)).isEqualTo(level);
		assertThat(Scoring.nextLevel(score))
			.isEqualTo(nextLevel == null ? OptionalInt.empty() : OptionalInt.of(nextLevel));
	}

	@ParameterizedTest(name = "score {0} is refused")
	@CsvSource({ "0", "0.99", "4.01", "5", "-1" })
	void refusesALevelForAScoreOutside1To4(BigDecimal score) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scoring.level(score));
		assertThatIllegalArgumentException().isThrownBy(() -> Scoring.nextLevel(score));
	}

	@ParameterizedTest(name = "median of [{0}] is [{1}]")
	@CsvSource(delimiter = '|', textBlock = """
			''                  |
			2.50                | 2.50
			3                   | 3.00
			1.00 3.00 2.00      | 2.00
			4.00 1.00 3.67      | 3.67
			1.00 2.00           | 1.50
			4.00 1.00 3.00 2.00 | 2.50
			1.33 1.32           | 1.33
			2.12 2.13           | 2.13
			1.67 3.33 1.67 4.00 | 2.50
			1.00 1.01 4.00 4.00 | 2.51
			""")
	void medianIsTheMiddleScoreOrTheMeanOfTheTwoMiddleOnes(String scores, String median) {
		List<BigDecimal> values = words(scores).stream().map(BigDecimal::new).toList();

		assertThat(Scoring.median(values)).isEqualTo(decimal(median));
	}

	private static List<Integer> levels(String levels) {
		return words(levels).stream().map(level -> level.equals("null") ? null : Integer.valueOf(level)).toList();
	}

	private static List<String> words(String text) {
		return text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" +"));
	}

	/**
	 * Equality of BigDecimal includes the scale, so "2.50" checks two decimals as well as
	 * the value.
	 */
	private static Optional<BigDecimal> decimal(String expected) {
		return Optional.ofNullable(expected).map(BigDecimal::new);
	}

}
