package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.platformmaturity.scoring.Scoring;

/**
 * The figures an assessment keeps up to date with every change of its answers, so that
 * readers across many teams never count answers again: how many of its questions are
 * answered, reviewed this quarter and carried over (not yet confirmed), and per aspect
 * key, in the model's order, the inputs of the aspect's score. Read through
 * {@link AssessmentTallies}.
 */
public record AssessmentTally(long assessmentId, long teamId, long quarterId, AssessmentStatus status, int questions,
		int answered, int reviewed, int carriedOver, Map<String, AspectTally> aspects) {

	public AssessmentTally {
		aspects = Collections.unmodifiableMap(new LinkedHashMap<>(aspects));
	}

	/**
	 * The sum and the number of an aspect's answered levels; not-applicable answers are
	 * left out.
	 */
	public record AspectTally(int levelSum, int levelCount) {

		/**
		 * The aspect's score by the one rule of {@link Scoring}; empty while no question
		 * of it is answered.
		 */
		public Optional<BigDecimal> score() {
			return Scoring.aspectScore(levelSum, levelCount);
		}

	}

	/**
	 * The score of an aspect; empty without an answered question or for an aspect the
	 * model does not have.
	 */
	public Optional<BigDecimal> score(String aspect) {
		return Optional.ofNullable(aspects.get(aspect)).flatMap(AspectTally::score);
	}

}
