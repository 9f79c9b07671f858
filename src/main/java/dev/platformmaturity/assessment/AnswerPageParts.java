package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelImported;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.model.ModelView;

/**
 * What the answering page shows of an aspect that does not depend on the team: the status
 * line and the navigation, the aspect's heading, guiding question and level texts, each
 * question's legend, options and comment field, the target's choice and the buttons,
 * rendered once per model version, language and aspect from
 * {@code assessment/answer-parts.html} and kept as HTML with marked slots for the team's
 * values ({@link SlottedHtml}). The options and the target's choice are rendered once for
 * every possible choice, so that a request only picks the one its answer needs.
 * <p>
 * Kept by the model version's database id and the language: an imported version never
 * changes, and each language has its own entry, so a person who switches languages gets
 * the other entry. A model import ({@link ModelImported}) drops every entry all the same.
 */
@Component
class AnswerPageParts {

	/** The radio value of "no answer". */
	static final String NONE = "";

	static final String NOT_APPLICABLE = "na";

	private static final String TEMPLATE = "assessment/answer-parts";

	private final ITemplateEngine templates;

	private final ModelCatalog catalog;

	private final String modelPage;

	private final Map<Key, AspectParts> parts = new ConcurrentHashMap<>();

	AnswerPageParts(ITemplateEngine templates, ModelCatalog catalog,
			@Value("${server.servlet.context-path:}") String contextPath) {
		this.templates = templates;
		this.catalog = catalog;
		this.modelPage = contextPath + "/model";
	}

	private record Key(long modelVersionId, String language, String aspect) {
	}

	/**
	 * The page's status line, its navigation with this aspect as the current one and the
	 * aspect's panel, with their slots; the block that confirms the aspect's carried-over
	 * answers; the target's options per level chosen ({@code ""} for none); per question
	 * key, the question's parts.
	 */
	record AspectParts(SlottedHtml status, SlottedHtml nav, SlottedHtml panel, String confirmAll,
			Map<String, String> targetOptions, Map<String, QuestionParts> questions) {

		String targetOptions(Integer level) {
			return targetOptions.get(level == null ? NONE : level.toString());
		}

	}

	/**
	 * A question's options as HTML per radio value chosen ({@link #NONE}, an option,
	 * {@code na}), its carried-over block and the field that keeps a conflict waiting
	 * after a Save button.
	 */
	record QuestionParts(Map<String, String> options, String carriedOver, String held) {

		String options(String selected) {
			String html = options.get(selected == null ? NONE : selected);
			return html != null ? html : options.get(NONE);
		}

	}

	AspectParts of(ModelVersion version, String language, String aspect) {
		return parts.computeIfAbsent(new Key(version.databaseId(), language, aspect),
				key -> render(version, language, aspect));
	}

	/**
	 * A conflict shown after a Save button: the other person's answer and comment,
	 * rendered for this request.
	 */
	String conflict(Locale locale, String question, String who, String theirs, String comment) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("key", question);
		variables.put("who", who);
		variables.put("theirs", theirs);
		variables.put("comment", comment);
		return templates.process(TEMPLATE, Set.of("conflict"), new Context(locale, variables));
	}

	@EventListener
	void modelImported(ModelImported imported) {
		parts.clear();
	}

	/** How many aspects in how many languages are kept, for tests. */
	int size() {
		return parts.size();
	}

	private AspectParts render(ModelVersion version, String language, String aspectKey) {
		List<ModelView.AspectView> aspects = catalog.view(version.model(), language).aspects();
		ModelView.AspectView aspect = aspects.stream()
			.filter(candidate -> candidate.key().equals(aspectKey))
			.findFirst()
			.orElseThrow();
		int index = aspects.indexOf(aspect);
		Locale locale = Locale.forLanguageTag(language);
		Map<String, Object> panel = new HashMap<>();
		panel.put("aspect", aspect);
		panel.put("aspects", aspects);
		panel.put("modelPage", modelPage);
		panel.put("maxComment", Assessments.MAX_COMMENT);
		panel.put("previous", index > 0 ? aspects.get(index - 1).key() : null);
		panel.put("next", index < aspects.size() - 1 ? aspects.get(index + 1).key() : null);
		panel.put("S", String.valueOf(SlottedHtml.START));
		panel.put("E", String.valueOf(SlottedHtml.END));
		Map<String, String> targetOptions = new LinkedHashMap<>();
		targetOptions.put(NONE, render("target-options", locale, Map.of("aspect", aspect, "selected", NONE)));
		aspect.levels()
			.forEach(level -> targetOptions.put(String.valueOf(level.number()), render("target-options", locale,
					Map.of("aspect", aspect, "selected", String.valueOf(level.number())))));
		Map<String, QuestionParts> questions = new LinkedHashMap<>();
		for (ModelView.QuestionView question : aspect.questions()) {
			Map<String, String> options = new LinkedHashMap<>();
			for (String selected : selections(question)) {
				options.put(selected, render("options", locale, Map.of("question", question, "selected", selected)));
			}
			questions.put(question.key(),
					new QuestionParts(options, render("carried", locale, Map.of("question", question)),
							render("held", locale, Map.of("question", question))));
		}
		return new AspectParts(SlottedHtml.parse(render("status", locale, panel)),
				SlottedHtml.parse(render("nav", locale, panel)), SlottedHtml.parse(render("panel", locale, panel)),
				render("confirm-all", locale, Map.of("aspect", aspect)), targetOptions, questions);
	}

	private static List<String> selections(ModelView.QuestionView question) {
		List<String> selections = new ArrayList<>();
		selections.add(NONE);
		question.options().forEach(option -> selections.add(question.key() + ":" + option.value()));
		selections.add(NOT_APPLICABLE);
		return selections;
	}

	private String render(String fragment, Locale locale, Map<String, Object> variables) {
		return templates.process(TEMPLATE, Set.of(fragment), new Context(locale, variables)).strip();
	}

}
