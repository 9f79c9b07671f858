package dev.platformmaturity.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The scoring rule of the product brief, in the one place pages, dashboards, exports and
 * PDFs take it from, so they can never disagree. Scores carry two decimals, rounded
 * half-up like the CNCF assessment prototype.
 */
public final class Scoring {

	public static final int LOWEST_LEVEL = 1;

	public static final int HIGHEST_LEVEL = 4;

	private static final int SCALE = 2;

	private Scoring() {
	}

	/**
	 * The mean of the levels of an aspect's answered questions; a not-applicable answer
	 * is left out by the caller. Empty when nothing was answered: an aspect without
	 * answers has no score, which is not the same as level 0.
	 * @throws IllegalArgumentException for a null level or one outside 1..4
	 */
	public static Optional<BigDecimal> aspectScore(Collection<Integer> answeredLevels) {
		int sum = 0;
		for (Integer level : answeredLevels) {
			if (level == null || level < LOWEST_LEVEL || level > HIGHEST_LEVEL) {
				throw new IllegalArgumentException(
						"An answered level must be " + LOWEST_LEVEL + ".." + HIGHEST_LEVEL + ", not " + level);
			}
			sum += level;
		}
		return aspectScore(sum, answeredLevels.size());
	}

	/**
	 * The same score from its kept inputs: the sum and the number of the answered levels
	 * of an aspect.
	 * @throws IllegalArgumentException for a sum that levels 1..4 cannot add up to
	 */
	public static Optional<BigDecimal> aspectScore(int levelSum, int levelCount) {
		if (levelCount < 0 || levelSum < levelCount * LOWEST_LEVEL || levelSum > levelCount * HIGHEST_LEVEL) {
			throw new IllegalArgumentException(levelCount + " answered levels cannot add up to " + levelSum);
		}
		if (levelCount == 0) {
			return Optional.empty();
		}
		return Optional.of(mean(BigDecimal.valueOf(levelSum), levelCount));
	}

	/**
	 * The level whose texts describe a score: its whole part, so a team is credited with
	 * a level only once it has fully reached it.
	 * @throws IllegalArgumentException for a score outside 1..4
	 */
	public static int level(BigDecimal score) {
		if (score.compareTo(BigDecimal.valueOf(LOWEST_LEVEL)) < 0
				|| score.compareTo(BigDecimal.valueOf(HIGHEST_LEVEL)) > 0) {
			throw new IllegalArgumentException(
					"A score must be " + LOWEST_LEVEL + ".." + HIGHEST_LEVEL + ", not " + score);
		}
		return score.setScale(0, RoundingMode.FLOOR).intValueExact();
	}

	/**
	 * The adjacent level whose characteristics are the aspect's opportunities; empty at
	 * the highest level, which the model does not treat as a goal to go beyond.
	 */
	public static OptionalInt nextLevel(BigDecimal score) {
		int level = level(score);
		return level < HIGHEST_LEVEL ? OptionalInt.of(level + 1) : OptionalInt.empty();
	}

	/**
	 * The median of teams' scores, for dashboards, where a median is not pulled by one
	 * outlying team. With an even count it is the mean of the two middle scores. Empty
	 * when there are no scores.
	 */
	public static Optional<BigDecimal> median(Collection<BigDecimal> scores) {
		if (scores.isEmpty()) {
			return Optional.empty();
		}
		List<BigDecimal> sorted = scores.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return Optional.of(sorted.get(middle).setScale(SCALE, RoundingMode.HALF_UP));
		}
		return Optional.of(mean(sorted.get(middle - 1).add(sorted.get(middle)), 2));
	}

	private static BigDecimal mean(BigDecimal sum, int count) {
		return sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
	}

}
