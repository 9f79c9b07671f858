package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.platformmaturity.model.MaturityModel;

/**
 * What the answering page shows for one aspect, in one language. The values shown are what the person sent when a
 * save failed (nothing typed is lost), otherwise what is saved. What does not depend on the team comes from
 * {@link AnswerPageParts} as HTML rendered once.
 */
record AnswerPage(String aspect, String name, String intro, List<QuestionItem> questions, Integer target,
		long targetVersion, List<LevelItem> levels, List<AspectLink> aspects, String previousAspect, String nextAspect,
		Progress progress) {

	/** The longest comment, in characters. */
	public int maxComment() {
		return Assessments.MAX_COMMENT;
	}

	/** Whether a carried-over answer of this aspect waits for confirmation. */
	public boolean anyCarriedOver() {
		return aspects.stream().filter(AspectLink::current).anyMatch(link -> link.carriedOver() > 0);
	}

	/** A level as the target's choice. */
	record LevelItem(int number, String title) {
	}

	/**
	 * A question with what is selected and typed, and, after a failed save, the problem or the other person's answer;
	 * its legend and options as HTML.
	 */
	record QuestionItem(String key, String legend, String options, String comment, long version,
			String originalSelected, String originalComment, AnswerState saved, String problem, AnswerState conflict,
			String conflictOption) {

		public boolean carriedOver() {
			return saved != null && saved.carriedOver();
		}

		/** The comment's length in characters, counted as the server and PostgreSQL count them. */
		public int commentLength() {
			return comment == null ? 0 : comment.codePointCount(0, comment.length());
		}

	}

	/**
	 * An aspect in the navigation, with its answers for the page's script: {@code question:version:state} separated by
	 * spaces, the state {@code r} reviewed, {@code c} carried over, {@code o} open.
	 */
	record AspectLink(String key, String name, long reviewed, long carriedOver, int questions, boolean current,
			String answers) {
	}

	/** Reviewed and carried-over answers of all questions, drawn as a bar of one segment per question. */
	record Progress(long reviewed, long carriedOver, int questions) {

		/** Per question, reviewed first, then carried over, then open. */
		public List<String> segments() {
			List<String> segments = new ArrayList<>();
			for (int i = 0; i < questions; i++) {
				segments.add(i < reviewed ? "reviewed" : i < reviewed + carriedOver ? "carried" : "open");
			}
			return segments;
		}

	}

	/** The value of the answer's radio group: the option key, {@code na}, or null. */
	static String selection(AnswerState answer) {
		if (answer == null) {
			return null;
		}
		return answer.notApplicable() ? AnswerPageParts.NOT_APPLICABLE : answer.option();
	}

	static AnswerPage of(AssessmentState state, String aspectKey, String language, AnswerPageParts.AspectParts parts,
			Map<String, Submitted> submitted, Map<String, String> problems, Map<String, AnswerState> conflicts) {
		MaturityModel model = state.model();
		MaturityModel.Aspect aspect = model.aspect(aspectKey).orElseThrow();
		List<QuestionItem> questions = new ArrayList<>();
		for (MaturityModel.Question question : aspect.questions()) {
			AnswerState saved = state.answers().get(question.id());
			AnswerState conflict = conflicts.get(question.id());
			Submitted typed = submitted.get(question.id());
			AnswerPageParts.QuestionParts texts = parts.questions().get(question.id());
			AnswerState base = conflict != null ? conflict : saved;
			String selected = typed != null ? typed.option() : selection(saved);
			questions.add(new QuestionItem(question.id(), texts.legend(), texts.options(selected),
					typed != null ? typed.comment() : comment(saved), base == null ? 0 : base.version(), selection(base),
					comment(base), saved, problems.get(question.id()), conflict,
					conflict == null || conflict.level() == null ? null
							: conflict.level() + " · " + question.option(conflict.level()).orElseThrow().label().in(language)));
		}
		List<AspectLink> links = model.aspects().stream().map(a -> link(state, a, language, aspectKey)).toList();
		int index = model.aspects().indexOf(aspect);
		TargetState target = state.targets().get(aspectKey);
		return new AnswerPage(aspectKey, aspect.name().in(language), parts.intro(), questions,
				target == null ? null : target.level(), target == null ? 0 : target.version(),
				aspect.levels().stream().map(level -> new LevelItem(level.number(), level.title().in(language))).toList(),
				links, index > 0 ? model.aspects().get(index - 1).key() : null,
				index < model.aspects().size() - 1 ? model.aspects().get(index + 1).key() : null,
				new Progress(state.reviewedCount(), state.carriedOverCount(), state.questionCount()));
	}

	private static AspectLink link(AssessmentState state, MaturityModel.Aspect aspect, String language, String shown) {
		long reviewed = 0;
		long carriedOver = 0;
		for (MaturityModel.Question question : aspect.questions()) {
			AnswerState answer = state.answers().get(question.id());
			reviewed += answer != null && answer.reviewed() ? 1 : 0;
			carriedOver += answer != null && answer.carriedOver() ? 1 : 0;
		}
		String answers = aspect.questions().stream().map(question -> {
			AnswerState answer = state.answers().get(question.id());
			String mark = answer == null ? "o" : answer.carriedOver() ? "c" : answer.reviewed() ? "r" : "o";
			return question.id() + ":" + (answer == null ? 0 : answer.version()) + ":" + mark;
		}).collect(Collectors.joining(" "));
		return new AspectLink(aspect.key(), aspect.name().in(language), reviewed, carriedOver,
				aspect.questions().size(), aspect.key().equals(shown), answers);
	}

	private static String comment(AnswerState answer) {
		return answer == null || answer.comment() == null ? "" : answer.comment();
	}

	/** What the form sent for one question. */
	record Submitted(String option, String comment) {
	}

}
