package dev.platformmaturity.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.model.MaturityModel;

/**
 * <em>Import from the CNCF assessment tool</em>: paste the tool's share URL (or its query
 * string), see what would change, then import; the imported answers are then to review on
 * the answering page. Problems are shown on the page with the pasted text kept.
 */
@Controller
@RequestMapping("/teams/{team}/assessments/{quarter}/cncf-import")
class CncfImportController {

	private static final String VERSION = "version.";

	private final CncfImport imports;

	private final Assessments assessments;

	private final MessageSource messages;

	CncfImportController(CncfImport imports, Assessments assessments, MessageSource messages) {
		this.imports = imports;
		this.assessments = assessments;
		this.messages = messages;
	}

	/**
	 * A line of the preview: the question, its answer now, and the answer the import
	 * brings.
	 */
	record PreviewLine(String question, String text, String now, String state, String imported, long version) {
	}

	@GetMapping
	String form(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		return page(state, "", null, null, locale, page);
	}

	@PostMapping("/preview")
	String preview(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(defaultValue = "") String shared, Locale locale, Model page) {
		try {
			return page(null, shared, imports.preview(team, quarter, shared), null, locale, page);
		}
		catch (AssessmentProblem problem) {
			return page(assessments.state(team, quarter), shared, null, problem, locale, page);
		}
	}

	@PostMapping
	String apply(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(defaultValue = "") String shared, @RequestParam Map<String, String> parameters,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		Map<String, Long> versions = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith(VERSION) && value.matches("\\d{1,18}")) {
				versions.put(name.substring(VERSION.length()), Long.parseLong(value));
			}
		});
		try {
			int imported = imports.apply(team, quarter, shared, versions, user.personId());
			redirect.addFlashAttribute("notice", "cncf.import.done");
			redirect.addFlashAttribute("noticeArgument", imported);
			return "redirect:" + AssessmentController.path(team, quarter) + "/answer";
		}
		catch (AssessmentProblem problem) {
			CncfImport.Preview preview = null;
			try {
				preview = imports.preview(team, quarter, shared);
			}
			catch (AssessmentProblem alsoRefused) {
				// the page shows the first problem with the pasted text
			}
			return page(preview == null ? assessments.state(team, quarter) : null, shared, preview, problem, locale,
					page);
		}
	}

	private String page(AssessmentSnapshot shownState, String shared, CncfImport.Preview preview,
			AssessmentProblem problem, Locale locale, Model page) {
		String language = locale.toLanguageTag();
		AssessmentSnapshot state = preview == null ? shownState : preview.state();
		page.addAttribute("state", state);
		page.addAttribute("shared", shared);
		page.addAttribute("toolLink", CncfShareUrl.link(state, language));
		page.addAttribute("toolAddress", CncfShareUrl.ADDRESS);
		if (problem != null) {
			page.addAttribute("importProblem", messages.getMessage(problem, locale));
		}
		if (preview != null) {
			MaturityModel model = state.model();
			List<PreviewLine> lines = preview.changes()
				.stream()
				.map(change -> new PreviewLine(change.question(),
						model.question(change.question()).orElseThrow().text().in(language),
						answerText(model, change.current(), language, locale),
						change.current() == null ? "" : stateText(change.current(), locale),
						option(model, change.question(), change.level(), language), change.current().version()))
				.toList();
			page.addAttribute("changes", lines);
			page.addAttribute("unchanged", preview.unchanged().size());
			page.addAttribute("ignored",
					preview.ignored().stream().map(ignored -> messages.getMessage(ignored, locale)).toList());
		}
		return "assessment/cncf-import";
	}

	private String answerText(MaturityModel model, AnswerState answer, String language, Locale locale) {
		if (answer == null || !answer.answered()) {
			return messages.getMessage("cncf.import.notAnswered", null, locale);
		}
		if (answer.notApplicable()) {
			return messages.getMessage("assessment.notApplicable", null, locale);
		}
		return option(model, answer.question(), answer.level(), language);
	}

	private String stateText(AnswerState answer, Locale locale) {
		if (!answer.answered()) {
			return "";
		}
		String key = answer.imported() ? "cncf.import.state.imported"
				: answer.carriedOver() ? "cncf.import.state.carriedOver" : "cncf.import.state.reviewed";
		return messages.getMessage(key, null, locale);
	}

	private static String option(MaturityModel model, String question, int level, String language) {
		return model.question(question)
			.flatMap(found -> found.option(level))
			.map(option -> level + " · " + option.label().in(language))
			.orElse(String.valueOf(level));
	}

}
