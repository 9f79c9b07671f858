package dev.platformmaturity.assessment;

import java.util.ArrayList;
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
 * The parts of the answering page that do not depend on the team: an aspect's heading, guiding question and level
 * texts, each question's legend and its options, rendered once per model version, language and aspect from
 * {@code assessment/answer-parts.html} and kept as HTML. The options are rendered once for every possible choice
 * (none, each option, not applicable), so that the page only picks the one its answer needs.
 * <p>
 * Kept by the model version's database id and the language: an imported version never changes, and each language
 * has its own entry, so a person who switches languages gets the other entry. A model import
 * ({@link ModelImported}) drops every entry all the same.
 */
@Component
class AnswerPageParts {

	/** The radio value of "no answer". */
	static final String NONE = "";

	static final String NOT_APPLICABLE = "na";

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

	/** An aspect's parts: its introduction and, per question key, the question's parts. */
	record AspectParts(String intro, Map<String, QuestionParts> questions) {
	}

	/** A question's legend, and its options as HTML per radio value chosen ({@link #NONE}, an option, {@code na}). */
	record QuestionParts(String legend, Map<String, String> options) {

		String options(String selected) {
			String html = options.get(selected == null ? NONE : selected);
			return html != null ? html : options.get(NONE);
		}

	}

	AspectParts of(ModelVersion version, String language, String aspect) {
		return parts.computeIfAbsent(new Key(version.databaseId(), language, aspect),
				key -> render(version, language, aspect));
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
		ModelView.AspectView aspect = catalog.view(version.model(), language)
			.aspects()
			.stream()
			.filter(candidate -> candidate.key().equals(aspectKey))
			.findFirst()
			.orElseThrow();
		Locale locale = Locale.forLanguageTag(language);
		String intro = render("intro", locale, Map.of("aspect", aspect, "modelPage", modelPage));
		Map<String, QuestionParts> questions = new LinkedHashMap<>();
		int number = 1;
		for (ModelView.QuestionView question : aspect.questions()) {
			String legend = render("legend", locale, Map.of("question", question, "number", number++));
			Map<String, String> options = new LinkedHashMap<>();
			for (String selected : selections(question)) {
				options.put(selected, render("options", locale, Map.of("question", question, "selected", selected)));
			}
			questions.put(question.key(), new QuestionParts(legend, options));
		}
		return new AspectParts(intro, questions);
	}

	private static List<String> selections(ModelView.QuestionView question) {
		List<String> selections = new ArrayList<>();
		selections.add(NONE);
		question.options().forEach(option -> selections.add(question.key() + ":" + option.value()));
		selections.add(NOT_APPLICABLE);
		return selections;
	}

	private String render(String fragment, Locale locale, Map<String, Object> variables) {
		return templates.process("assessment/answer-parts", Set.of(fragment), new Context(locale, variables)).strip();
	}

}
