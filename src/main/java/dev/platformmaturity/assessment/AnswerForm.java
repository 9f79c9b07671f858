package dev.platformmaturity.assessment;

import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The answering page's form for one aspect, as its Save buttons send it: per question key
 * the option chosen ({@code question:level}, {@code na} or nothing), the comment and the
 * version the page started from, with the option and comment as the page showed them,
 * which tell what the person changed; the target with its version and shown value; the
 * question whose carried-over answer to confirm, whether to confirm all the aspect's
 * remaining ones, after a conflict the question where the person keeps their answer or
 * takes the other one, and the aspect to go to next.
 */
record AnswerForm(String aspect, Map<String, @Valid QuestionFields> question,
		@Pattern(regexp = "[1-4]?", message = "{answer.target.invalid}") String target,
		@BindParam("target-version") Long targetVersion, @BindParam("original-target") String originalTarget,
		String confirm, @BindParam("confirm-all") Boolean confirmAll, @BindParam("keep-mine") String keepMine,
		@BindParam("take-theirs") String takeTheirs, String go) {

	AnswerForm {
		question = question == null ? Map.of() : question;
	}

	/**
	 * One question's fields; {@code held} when the page showed a conflict there, which
	 * waits for the person to keep their answer or take the other one.
	 */
	record QuestionFields(String option, String comment, Long version, String originalOption, String originalComment,
			Boolean held) {

		static final QuestionFields NONE = new QuestionFields(null, null, null, null, null, null);

		boolean waitsForChoice() {
			return Boolean.TRUE.equals(held);
		}

		/** The option chosen, or null for none. */
		String chosen() {
			return option == null || option.isBlank() ? null : option;
		}

		String typedComment() {
			return Objects.requireNonNullElse(comment, "");
		}

		/**
		 * Whether the person chose another option or typed another comment than the page
		 * showed.
		 */
		boolean changed() {
			return !Objects.equals(chosen(), originalOption == null || originalOption.isBlank() ? null : originalOption)
					|| !typedComment().strip().equals(Objects.requireNonNullElse(originalComment, "").strip());
		}

	}

	boolean confirmingAll() {
		return Boolean.TRUE.equals(confirmAll);
	}

	QuestionFields question(String key) {
		return question.getOrDefault(key, QuestionFields.NONE);
	}

	/** The target level chosen, null for none; only for a valid form. */
	Integer targetLevel() {
		return level(target);
	}

	boolean targetChanged() {
		return !Objects.equals(level(target), level(originalTarget));
	}

	private static Integer level(String value) {
		return value != null && value.matches("[1-4]") ? Integer.valueOf(value) : null;
	}

}
