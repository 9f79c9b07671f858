package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelView;

/**
 * What the answering page shows for one aspect, in one language. The values shown are what the person sent when a
 * save failed (nothing typed is lost), otherwise what is saved.
 */
record AnswerPage(String aspect, String name, String guidingQuestion, List<String> description, List<LevelText> levels,
		List<QuestionItem> questions, Integer target, long targetVersion, List<AspectLink> aspects, String previousAspect,
		String nextAspect) {

	record LevelText(int number, String stage, String title, List<String> description) {
	}

	/** Reviewed answers of the aspect shown; the page counts the other aspects' reviewed answers from this. */
	public long currentAspectReviewed() {
		return current().reviewed();
	}

	/** Carried-over answers of the aspect shown, for the same count. */
	public long currentAspectCarriedOver() {
		return current().carriedOver();
	}

	private AspectLink current() {
		return aspects.stream().filter(AspectLink::current).findFirst().orElseThrow();
	}

	/** Whether a carried-over answer of this aspect waits for confirmation. */
	public boolean anyCarriedOver() {
		return current().carriedOver() > 0;
	}

	record OptionItem(String key, int level, String label, String description) {
	}

	/** A question with what is selected and typed, and, after a failed save, the problem or the other person's answer. */
	record QuestionItem(String key, int number, String text, List<OptionItem> options, String selected, String comment,
			long version, String originalSelected, String originalComment, AnswerState saved, String problem,
			AnswerState conflict, String conflictOption) {

		public boolean carriedOver() {
			return saved != null && saved.carriedOver();
		}

		/** The comment's length in characters, counted as the server and PostgreSQL count them. */
		public int commentLength() {
			return comment == null ? 0 : comment.codePointCount(0, comment.length());
		}

	}

	record AspectLink(String key, String name, long reviewed, long carriedOver, int questions, boolean current) {
	}

	/** The value of the answer's radio group: the option key, {@code na}, or null. */
	static String selection(AnswerState answer) {
		if (answer == null) {
			return null;
		}
		return answer.notApplicable() ? "na" : answer.option();
	}

	static AnswerPage of(AssessmentState state, String aspectKey, String language, Map<String, Submitted> submitted,
			Map<String, String> problems, Map<String, AnswerState> conflicts) {
		MaturityModel model = state.model();
		MaturityModel.Aspect aspect = model.aspect(aspectKey).orElseThrow();
		List<QuestionItem> questions = new ArrayList<>();
		int number = 1;
		for (MaturityModel.Question question : aspect.questions()) {
			AnswerState saved = state.answers().get(question.id());
			AnswerState conflict = conflicts.get(question.id());
			Submitted typed = submitted.get(question.id());
			List<OptionItem> options = question.options()
				.stream()
				.map(option -> new OptionItem(question.id() + ":" + option.value(), option.value(),
						option.label().in(language), option.description().in(language)))
				.toList();
			AnswerState base = conflict != null ? conflict : saved;
			questions.add(new QuestionItem(question.id(), number++, question.text().in(language), options,
					typed != null ? typed.option() : selection(saved), typed != null ? typed.comment() : comment(saved),
					base == null ? 0 : base.version(), selection(base), comment(base), saved, problems.get(question.id()),
					conflict, conflict == null || conflict.level() == null ? null
							: conflict.level() + " · " + question.option(conflict.level()).orElseThrow().label().in(language)));
		}
		List<AspectLink> links = model.aspects()
			.stream()
			.map(a -> new AspectLink(a.key(), a.name().in(language), count(state, a, AnswerState::reviewed),
					count(state, a, AnswerState::carriedOver), a.questions().size(), a.key().equals(aspectKey)))
			.toList();
		int index = model.aspects().indexOf(aspect);
		TargetState target = state.targets().get(aspectKey);
		return new AnswerPage(aspectKey, aspect.name().in(language), aspect.question().in(language),
				ModelView.paragraphs(aspect.description().in(language)),
				aspect.levels()
					.stream()
					.map(level -> new LevelText(level.number(), model.stageName(level.number()).in(language),
							level.title().in(language), ModelView.paragraphs(level.description().in(language))))
					.toList(),
				questions, target == null ? null : target.level(), target == null ? 0 : target.version(), links,
				index > 0 ? model.aspects().get(index - 1).key() : null,
				index < model.aspects().size() - 1 ? model.aspects().get(index + 1).key() : null);
	}

	private static long count(AssessmentState state, MaturityModel.Aspect aspect, Predicate<AnswerState> counted) {
		return aspect.questions()
			.stream()
			.map(question -> state.answers().get(question.id()))
			.filter(answer -> answer != null && counted.test(answer))
			.count();
	}

	private static String comment(AnswerState answer) {
		return answer == null || answer.comment() == null ? "" : answer.comment();
	}

	/** What the form sent for one question. */
	record Submitted(String option, String comment) {
	}

}
