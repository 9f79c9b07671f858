package dev.platformmaturity.assessment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.model.MaturityModel;

/**
 * What the answering page shows for one aspect, in one language: the status line, the
 * navigation and the aspect's panel, as the parts that do not depend on the team
 * ({@link AnswerPageParts}) with the team's values filled in. The values shown are what
 * the person sent when a save failed (nothing typed is lost), otherwise what is saved.
 */
record AnswerPage(String name, String status, String nav, String panel) {

	/**
	 * What a request brings to the page beyond the assessment: after a failed Save, what
	 * was sent and why.
	 */
	record Request(Locale locale, String base, Map<String, Submitted> submitted, Map<String, String> problems,
			Map<String, AnswerState> conflicts) {

		String language() {
			return locale.toLanguageTag();
		}

	}

	/** What the form sent for one question. */
	record Submitted(String option, String comment) {
	}

	/** The value of the answer's radio group: the option key, {@code na}, or null. */
	static String selection(AnswerState answer) {
		if (answer == null) {
			return null;
		}
		return answer.notApplicable() ? AnswerPageParts.NOT_APPLICABLE : answer.option();
	}

	static AnswerPage of(AssessmentSnapshot state, String aspectKey, Request request, AnswerPageParts parts,
			MessageSource messages) {
		MaturityModel model = state.model();
		MaturityModel.Aspect aspect = model.aspect(aspectKey).orElseThrow();
		String language = request.language();
		AnswerPageParts.AspectParts texts = parts.of(state.modelVersion(), language, aspectKey);
		String name = aspect.name().in(language);
		Map<String, String> slots = new HashMap<>();
		boolean anyCarriedOver = false;
		for (MaturityModel.Question question : aspect.questions()) {
			String key = question.id();
			AnswerState saved = state.answers().get(key);
			AnswerState conflict = request.conflicts().get(key);
			Submitted typed = request.submitted().get(key);
			AnswerState base = conflict != null ? conflict : saved;
			String comment = typed != null ? typed.comment() : comment(saved);
			String problem = request.problems().get(key);
			AnswerPageParts.QuestionParts questionParts = texts.questions().get(key);
			boolean carriedOver = saved != null && saved.carriedOver();
			anyCarriedOver |= carriedOver;
			slots.put("version:" + key, String.valueOf(base == null ? 0 : base.version()));
			slots.put("original-option:" + key, escape(selection(base)));
			slots.put("original-comment:" + key, escape(comment(base)));
			slots.put("problem-class:" + key, problem != null || conflict != null ? " question--problem" : "");
			slots.put("held:" + key, conflict != null ? questionParts.held() : "");
			slots.put("carried:" + key, carriedOver ? questionParts.carriedOver() : "");
			slots.put("problem:" + key, escape(problem));
			slots.put("conflict:" + key,
					conflict == null ? "" : parts.conflict(request.locale(), key, conflict.updatedBy(),
							theirs(question, conflict, language, messages, request.locale()), conflict.comment()));
			slots.put("options:" + key, questionParts.options(typed != null ? typed.option() : selection(saved)));
			slots.put("comment:" + key, escape(comment));
			slots.put("count:" + key,
					escape(messages.getMessage("answer.characters",
							new Object[] { comment.codePointCount(0, comment.length()), Assessments.MAX_COMMENT },
							request.locale())));
		}
		TargetState target = state.targets().get(aspectKey);
		slots.put("title", escape(messages.getMessage("answer.title",
				new Object[] { name, state.team().name(), state.quarter().label() }, request.locale())));
		slots.put("confirm-all", anyCarriedOver ? texts.confirmAll() : "");
		slots.put("target-options", texts.targetOptions(target == null ? null : target.level()));
		slots.put("target-version", String.valueOf(target == null ? 0 : target.version()));
		slots.put("original-target", target == null || target.level() == null ? "" : target.level().toString());
		slots.put("target-problem", escape(request.problems().get("target")));
		slots.put("results", escape(request.base()));
		slots.put("base", escape(request.base()));
		slots.put("progress", escape(progress(state, messages, request.locale())));
		slots.put("bar", bar(state.reviewedCount(), state.carriedOverCount(), state.questionCount()));
		for (MaturityModel.Aspect each : model.aspects()) {
			navigation(state, each, slots);
		}
		return new AnswerPage(name, texts.status().fill(slots), texts.nav().fill(slots), texts.panel().fill(slots));
	}

	/**
	 * "12 of 20 reviewed, 8 carried over", or without carried-over answers "12 of 20
	 * reviewed".
	 */
	private static String progress(AssessmentSnapshot state, MessageSource messages, Locale locale) {
		return state.carriedOverCount() > 0
				? messages.getMessage("assessment.reviewedAndCarriedOver",
						new Object[] { state.reviewedCount(), state.questionCount(), state.carriedOverCount() }, locale)
				: messages.getMessage("assessment.reviewed",
						new Object[] { state.reviewedCount(), state.questionCount() }, locale);
	}

	/** One segment per question, reviewed first, then carried over, then open. */
	private static String bar(long reviewed, long carriedOver, int questions) {
		StringBuilder html = new StringBuilder();
		for (int i = 0; i < questions; i++) {
			html.append("<span class=\"progress-bar__")
				.append(i < reviewed ? "reviewed" : i < reviewed + carriedOver ? "carried" : "open")
				.append("\"></span>");
		}
		return html.toString();
	}

	/**
	 * An aspect's figures in the navigation: its reviewed answers of its questions
	 * ({@code 2/4}), and its answers for the page's script,
	 * {@code question:version:state} separated by spaces, the state {@code r} reviewed,
	 * {@code c} carried over, {@code o} open.
	 */
	private static void navigation(AssessmentSnapshot state, MaturityModel.Aspect aspect, Map<String, String> slots) {
		long reviewed = 0;
		StringBuilder answers = new StringBuilder();
		for (MaturityModel.Question question : aspect.questions()) {
			AnswerState answer = state.answers().get(question.id());
			reviewed += answer != null && answer.reviewed() ? 1 : 0;
			String mark = answer == null ? "o" : answer.carriedOver() ? "c" : answer.reviewed() ? "r" : "o";
			answers.append(answers.isEmpty() ? "" : " ")
				.append(question.id())
				.append(':')
				.append(answer == null ? 0 : answer.version())
				.append(':')
				.append(mark);
		}
		slots.put("count:" + aspect.key(), reviewed + "/" + aspect.questions().size());
		slots.put("answers:" + aspect.key(), escape(answers.toString()));
	}

	/**
	 * The other person's answer as the conflict names it: "4 · Full specialist team", not
	 * applicable, or none.
	 */
	private static String theirs(MaturityModel.Question question, AnswerState conflict, String language,
			MessageSource messages, Locale locale) {
		if (conflict.notApplicable()) {
			return messages.getMessage("assessment.notApplicable", null, locale);
		}
		if (conflict.level() == null) {
			return messages.getMessage("answer.noAnswer", null, locale);
		}
		return conflict.level() + " · " + question.option(conflict.level()).orElseThrow().label().in(language);
	}

	private static String comment(AnswerState answer) {
		return answer == null || answer.comment() == null ? "" : answer.comment();
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
