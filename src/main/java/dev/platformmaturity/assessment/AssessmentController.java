package dev.platformmaturity.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.team.TeamAccess;

/**
 * The pages of a team's assessment: results and status, starting, answering one aspect at a time (saved by script as
 * you go, or with the Save buttons), confirming carried-over answers, submitting, reopening and the history of
 * changes. A problem that stops a request is shown on the assessment's page ({@link AssessmentPageProblems}).
 */
@Controller
@RequestMapping("/teams/{team}/assessments/{quarter}")
class AssessmentController {

	private final Assessments assessments;

	private final TeamResults results;

	private final TeamAccess access;

	private final MessageSource messages;

	private final Overdue overdue;

	AssessmentController(Assessments assessments, TeamResults results, TeamAccess access, MessageSource messages,
			Overdue overdue) {
		this.assessments = assessments;
		this.results = results;
		this.access = access;
		this.messages = messages;
		this.overdue = overdue;
	}

	/** An aspect with answers still to review, for the list of what is left before submitting. */
	record AspectToReview(String key, String name, int questions) {
	}

	@GetMapping
	String overview(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		TeamResults.View view = results.results(team, quarter, locale.toLanguageTag());
		AssessmentState state = view.state();
		page.addAttribute("results", view);
		page.addAttribute("state", state);
		page.addAttribute("canEdit", access.canEdit(team));
		page.addAttribute("overdue", overdue.isOverdue(state.quarter(), state.status()));
		page.addAttribute("toReview", state.unreviewedQuestions()
			.entrySet()
			.stream()
			.map(left -> new AspectToReview(left.getKey(),
					state.model().aspect(left.getKey()).orElseThrow().name().in(locale.toLanguageTag()),
					left.getValue().size()))
			.toList());
		return "assessment/overview";
	}

	/** Creates the assessment, pre-filled from the previous quarter, and opens its first aspect. */
	@PostMapping("/start")
	String start(@PathVariable String team, @PathVariable String quarter, @AuthenticationPrincipal AccountUser user) {
		assessments.start(team, quarter, user.personId());
		return "redirect:" + path(team, quarter) + "/answer";
	}

	/** Answering; an assessment nobody started yet is started with the button on its page, never by opening a link. */
	@GetMapping("/answer")
	String answer(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "aspect", required = false) String aspect, Locale locale, Model page) {
		AssessmentState state = assessments.state(team, quarter);
		if (!state.started() || !state.changeable() || !access.canEdit(team)) {
			return "redirect:" + path(team, quarter);
		}
		return answerPage(state, aspect, locale, Map.of(), Map.of(), Map.of(), page);
	}

	/**
	 * The Save buttons: saves what the person changed on this aspect, confirms what they confirmed; conflicts and
	 * problems are shown beside their question with what the person sent.
	 */
	@PostMapping("/answer")
	String save(@PathVariable String team, @PathVariable String quarter, @Valid AnswerForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		AssessmentState state = assessments.state(team, quarter);
		if (!state.changeable()) {
			throw AssessmentProblem.notNow(state.submitted() ? "assessment.submitted"
					: state.quarter().state() == QuarterState.PLANNED ? "quarter.planned" : "quarter.closed", quarter);
		}
		if (!state.started()) {
			state = assessments.start(team, quarter, user.personId());
		}
		String aspect = state.model().aspect(form.aspect() == null ? "" : form.aspect())
			.map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		List<MaturityModel.Question> questions = state.model().aspect(aspect).orElseThrow().questions();
		Map<String, AnswerPage.Submitted> submitted = new LinkedHashMap<>();
		questions.forEach(question -> submitted.put(question.id(), new AnswerPage.Submitted(
				form.question(question.id()).chosen(), form.question(question.id()).typedComment())));
		Map<String, MessageSourceResolvable> problems = new HashMap<>();
		Map<String, AnswerState> conflicts = new HashMap<>();
		if (errors.hasErrors()) {
			errors.getAllErrors().forEach(error -> problems.putIfAbsent(subject(error), error));
			return answerPage(state, aspect, locale, submitted, problems, conflicts, page);
		}
		for (MaturityModel.Question question : questions) {
			String key = question.id();
			AnswerForm.QuestionFields fields = form.question(key);
			if (!fields.changed() && !key.equals(form.confirm())) {
				continue;
			}
			try {
				if (fields.version() == null) {
					throw AssessmentProblem.badInput("assessment.version.required");
				}
				String option = fields.chosen();
				assessments.saveAnswer(team, quarter, key, new AnswerChange("na".equals(option) ? null : option,
						"na".equals(option), fields.typedComment(), fields.version()), user.personId());
			}
			catch (StaleAnswerException stale) {
				conflicts.put(key, stale.current());
			}
			catch (AssessmentProblem problem) {
				problems.put(key, problem);
			}
		}
		if (form.targetChanged()) {
			try {
				if (form.targetVersion() == null) {
					throw AssessmentProblem.badInput("assessment.version.required");
				}
				assessments.saveTarget(team, quarter, aspect, form.targetLevel(), form.targetVersion(),
						user.personId());
			}
			catch (AssessmentProblem problem) {
				problems.put("target", problem);
			}
		}
		if (!problems.isEmpty() || !conflicts.isEmpty()) {
			return answerPage(assessments.state(team, quarter), aspect, locale, submitted, problems, conflicts, page);
		}
		if (form.confirmingAll()) {
			assessments.confirmAspect(team, quarter, aspect, user.personId());
		}
		redirect.addFlashAttribute("notice", "assessment.saved");
		String goTo = form.go() != null && state.model().aspect(form.go()).isPresent() ? form.go() : aspect;
		return "redirect:" + path(team, quarter) + "/answer?aspect=" + goTo;
	}

	@PostMapping("/submit")
	String submit(@PathVariable String team, @PathVariable String quarter, @AuthenticationPrincipal AccountUser user,
			RedirectAttributes redirect) {
		assessments.submit(team, quarter, user.personId());
		redirect.addFlashAttribute("notice", "assessment.submitted.notice");
		return "redirect:" + path(team, quarter);
	}

	@PostMapping("/reopen")
	String reopen(@PathVariable String team, @PathVariable String quarter, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		assessments.reopen(team, quarter, reason, user.personId());
		redirect.addFlashAttribute("notice", "assessment.reopened.notice");
		return "redirect:" + path(team, quarter);
	}

	@GetMapping("/history")
	String history(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		AssessmentState state = assessments.state(team, quarter);
		page.addAttribute("state", state);
		page.addAttribute("changes", HistoryEntries.of(assessments.changes(team, quarter), state.model(),
				locale.toLanguageTag(), messages, locale));
		return "assessment/history";
	}

	static String path(String team, String quarter) {
		return "/teams/" + team + "/assessments/" + quarter;
	}

	/** The question a form error belongs to ({@code question[key].field}), or the target. */
	private static String subject(MessageSourceResolvable error) {
		if (error instanceof FieldError field && field.getField().startsWith("question[")) {
			return field.getField().substring("question[".length(), field.getField().indexOf(']'));
		}
		return "target";
	}

	private String answerPage(AssessmentState state, String aspect, Locale locale,
			Map<String, AnswerPage.Submitted> submitted, Map<String, MessageSourceResolvable> problems,
			Map<String, AnswerState> conflicts, Model page) {
		String shown = state.model().aspect(aspect == null ? "" : aspect).map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		Map<String, String> texts = new HashMap<>();
		problems.forEach((subject, problem) -> texts.put(subject, messages.getMessage(problem, locale)));
		page.addAttribute("state", state);
		page.addAttribute("form", AnswerPage.of(state, shown, locale.toLanguageTag(), submitted, texts, conflicts));
		page.addAttribute("targetProblem", texts.get("target"));
		return "assessment/answer";
	}

}
