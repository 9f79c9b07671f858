package dev.platformmaturity.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
 * The pages of a team's assessment: results and status, answering one aspect at a time (saved by script as you go, or
 * with the Save button), submitting, reopening and the history of changes.
 */
@Controller
@RequestMapping("/teams/{team}/assessments/{quarter}")
class AssessmentController {

	private final Assessments assessments;

	private final TeamResults results;

	private final TeamAccess access;

	private final MessageSource messages;

	AssessmentController(Assessments assessments, TeamResults results, TeamAccess access, MessageSource messages) {
		this.assessments = assessments;
		this.results = results;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String overview(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		TeamResults.View view = results.results(team, quarter, locale.toLanguageTag());
		page.addAttribute("results", view);
		page.addAttribute("state", view.state());
		page.addAttribute("canEdit", access.canEdit(team));
		return "assessment/overview";
	}

	@GetMapping("/answer")
	String answer(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "aspect", required = false) String aspect, @AuthenticationPrincipal AccountUser user,
			Locale locale, Model page) {
		AssessmentState state = assessments.state(team, quarter);
		if (!state.changeable() || !access.canEdit(team)) {
			return "redirect:/teams/" + team + "/assessments/" + quarter;
		}
		if (!state.started()) {
			state = assessments.start(team, quarter, user.personId());
		}
		return answerPage(state, aspect, locale, Map.of(), Map.of(), Map.of(), page);
	}

	/** The Save button: saves what the person changed on this aspect; conflicts and problems are shown beside their question. */
	@PostMapping("/answer")
	String save(@PathVariable String team, @PathVariable String quarter, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, RedirectAttributes redirect) {
		AssessmentState current = assessments.state(team, quarter);
		if (!current.changeable()) {
			redirect.addFlashAttribute("problem", messages.getMessage(current.submitted() ? "assessment.submitted"
					: current.quarter().state() == QuarterState.PLANNED ? "quarter.planned" : "quarter.closed",
					new Object[] { quarter }, locale));
			return "redirect:/teams/" + team + "/assessments/" + quarter;
		}
		AssessmentState state = assessments.start(team, quarter, user.personId());
		String aspect = state.model().aspect(form.getFirst("aspect")).map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		String confirm = form.getFirst("confirm");
		Map<String, AnswerPage.Submitted> submitted = new LinkedHashMap<>();
		Map<String, String> problems = new HashMap<>();
		Map<String, AnswerState> conflicts = new HashMap<>();
		for (MaturityModel.Question question : state.model().aspect(aspect).orElseThrow().questions()) {
			String key = question.id();
			String option = blankToNull(form.getFirst("option." + key));
			String comment = Objects.requireNonNullElse(form.getFirst("comment." + key), "");
			submitted.put(key, new AnswerPage.Submitted(option, comment));
			boolean changed = !Objects.equals(option, blankToNull(form.getFirst("original-option." + key)))
					|| !comment.strip().equals(Objects.requireNonNullElse(form.getFirst("original-comment." + key), "").strip());
			if (!changed && !key.equals(confirm)) {
				continue;
			}
			try {
				assessments.saveAnswer(team, quarter, key, new AnswerChange("na".equals(option) ? null : option,
						"na".equals(option), comment, parseLong(form.getFirst("version." + key)), key.equals(confirm)), user.personId());
			}
			catch (StaleAnswerException stale) {
				conflicts.put(key, stale.current());
			}
			catch (ObjectOptimisticLockingFailureException savedMeanwhile) {
				conflicts.put(key, assessments.state(team, quarter).answers().get(key));
			}
			catch (AssessmentProblem problem) {
				problems.put(key, messages.getMessage(problem.messageKey(), problem.arguments(), locale));
			}
		}
		String target = blankToNull(form.getFirst("target"));
		if (!Objects.equals(target, blankToNull(form.getFirst("original-target")))) {
			try {
				assessments.saveTarget(team, quarter, aspect, target == null ? null : Integer.valueOf(target),
						parseLong(form.getFirst("target-version")), user.personId());
			}
			catch (AssessmentProblem problem) {
				problems.put("target", messages.getMessage(problem.messageKey(), problem.arguments(), locale));
			}
			catch (NumberFormatException | ObjectOptimisticLockingFailureException notSaved) {
				problems.put("target", messages.getMessage("assessment.target.stale", null, locale));
			}
		}
		if (!problems.isEmpty() || !conflicts.isEmpty()) {
			return answerPage(assessments.state(team, quarter), aspect, locale, submitted, problems, conflicts, page);
		}
		redirect.addFlashAttribute("notice", "assessment.saved");
		String next = form.getFirst("go");
		String goTo = next != null && state.model().aspect(next).isPresent() ? next : aspect;
		return "redirect:/teams/" + team + "/assessments/" + quarter + "/answer?aspect=" + goTo;
	}

	@PostMapping("/submit")
	String submit(@PathVariable String team, @PathVariable String quarter, @AuthenticationPrincipal AccountUser user,
			Locale locale, RedirectAttributes redirect) {
		try {
			assessments.submit(team, quarter, user.personId());
			redirect.addFlashAttribute("notice", "assessment.submitted.notice");
		}
		catch (AssessmentProblem problem) {
			redirect.addFlashAttribute("problem", messages.getMessage(problem.messageKey(), problem.arguments(), locale));
		}
		return "redirect:/teams/" + team + "/assessments/" + quarter;
	}

	@PostMapping("/reopen")
	String reopen(@PathVariable String team, @PathVariable String quarter, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal AccountUser user, Locale locale, RedirectAttributes redirect) {
		try {
			assessments.reopen(team, quarter, reason, user.personId());
			redirect.addFlashAttribute("notice", "assessment.reopened.notice");
		}
		catch (AssessmentProblem problem) {
			redirect.addFlashAttribute("problem", messages.getMessage(problem.messageKey(), problem.arguments(), locale));
			redirect.addFlashAttribute("reason", reason);
		}
		return "redirect:/teams/" + team + "/assessments/" + quarter;
	}

	@GetMapping("/history")
	String history(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		AssessmentState state = assessments.state(team, quarter);
		page.addAttribute("state", state);
		page.addAttribute("changes", HistoryEntries.of(assessments.changes(team, quarter), state.model(),
				locale.toLanguageTag(), messages, locale));
		return "assessment/history";
	}

	private String answerPage(AssessmentState state, String aspect, Locale locale, Map<String, AnswerPage.Submitted> submitted,
			Map<String, String> problems, Map<String, AnswerState> conflicts, Model page) {
		String shown = state.model().aspect(aspect == null ? "" : aspect).map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		page.addAttribute("state", state);
		page.addAttribute("form", AnswerPage.of(state, shown, locale.toLanguageTag(), submitted, problems, conflicts));
		page.addAttribute("targetProblem", problems.get("target"));
		return "assessment/answer";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static long parseLong(String value) {
		try {
			return value == null ? -1 : Long.parseLong(value);
		}
		catch (NumberFormatException notANumber) {
			return -1;
		}
	}

}
