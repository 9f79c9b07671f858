package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.scoring.Scoring;
import dev.platformmaturity.team.TeamRef;

/**
 * A snapshot of a team's assessment in a quarter as it stands, with its scores;
 * NOT_STARTED when nobody has opened it yet.
 */
public record AssessmentSnapshot(TeamRef team, QuarterInfo quarter, AssessmentStatus status, ModelVersion modelVersion,
		Map<String, AnswerState> answers, Map<String, TargetState> targets, Instant submittedAt, String submittedBy,
		Instant updatedAt) {

	public AssessmentSnapshot {
		answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
		targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
	}

	public MaturityModel model() {
		return modelVersion.model();
	}

	public boolean started() {
		return status != AssessmentStatus.NOT_STARTED;
	}

	public boolean submitted() {
		return status == AssessmentStatus.SUBMITTED;
	}

	/** Answers can change: the quarter is open and the assessment not submitted. */
	public boolean changeable() {
		return quarter.open() && status != AssessmentStatus.SUBMITTED;
	}

	public long answeredCount() {
		return answers.values().stream().filter(AnswerState::answered).count();
	}

	public int questionCount() {
		return modelVersion.questionCount();
	}

	/**
	 * Answers reviewed this quarter: answered, changed, confirmed or marked not
	 * applicable.
	 */
	public long reviewedCount() {
		return answers.values().stream().filter(AnswerState::reviewed).count();
	}

	/**
	 * Answers carried over from the previous quarter that nobody has confirmed or changed
	 * yet.
	 */
	public long carriedOverCount() {
		return answers.values().stream().filter(AnswerState::carriedOver).count();
	}

	/**
	 * The questions still to review before the assessment can be submitted, per aspect
	 * key, in the model's order.
	 */
	public Map<String, List<String>> unreviewedQuestions() {
		Map<String, List<String>> left = new LinkedHashMap<>();
		for (MaturityModel.Aspect aspect : model().aspects()) {
			List<String> questions = aspect.questions()
				.stream()
				.map(MaturityModel.Question::id)
				.filter(question -> answers.get(question) == null || !answers.get(question).reviewed())
				.toList();
			if (!questions.isEmpty()) {
				left.put(aspect.key(), questions);
			}
		}
		return left;
	}

	public long unreviewedCount() {
		return questionCount() - reviewedCount();
	}

	/**
	 * Per aspect key, the score (empty for an aspect without an answered question), in
	 * the model's order.
	 */
	public Map<String, Optional<BigDecimal>> scores() {
		Map<String, Optional<BigDecimal>> scores = new LinkedHashMap<>();
		for (MaturityModel.Aspect aspect : model().aspects()) {
			scores.put(aspect.key(),
					Scoring.aspectScore(aspect.questions()
						.stream()
						.map(question -> answers.get(question.id()))
						.filter(answer -> answer != null && answer.level() != null)
						.map(AnswerState::level)
						.toList()));
		}
		return scores;
	}

	public Optional<Integer> target(String aspectKey) {
		return Optional.ofNullable(targets.get(aspectKey)).map(TargetState::level);
	}

}
