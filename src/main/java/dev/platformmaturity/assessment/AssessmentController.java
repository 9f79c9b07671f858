package dev.platformmaturity.assessment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.action.TeamPlans;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.team.ChecksTeamAccessItself;
import dev.platformmaturity.team.TeamAccess;

/**
 * The pages of a team's assessment: results and status, starting, answering one aspect at
 * a time (saved by script as you go, or with the Save buttons), confirming carried-over
 * answers, submitting, reopening and the history of changes. A problem that stops a
 * request is shown on the assessment's page ({@link AssessmentPageProblems}).
 */
@Controller
@RequestMapping("/teams/{team}/assessments/{quarter}")
class AssessmentController {

	/**
	 * Sent by the answering page's script to move to another aspect without loading a
	 * whole page: the answer is the page's main element only.
	 */
	static final String FRAGMENT_HEADER = "X-Fragment";

	private final Assessments assessments;

	private final AnswerSheets sheets;

	private final AnswerPageParts parts;

	private final TeamResults results;

	private final TeamAccess access;

	private final MessageSource messages;

	private final Overdue overdue;

	private final TeamPlans plans;

	private final Quarters quarters;

	AssessmentController(Assessments assessments, AnswerSheets sheets, AnswerPageParts parts, TeamResults results,
			TeamAccess access, MessageSource messages, Overdue overdue, TeamPlans plans, Quarters quarters) {
		this.assessments = assessments;
		this.sheets = sheets;
		this.parts = parts;
		this.results = results;
		this.access = access;
		this.messages = messages;
		this.overdue = overdue;
		this.plans = plans;
		this.quarters = quarters;
	}

	/**
	 * An aspect with answers still to review, for the list of what is left before
	 * submitting.
	 */
	record AspectToReview(String key, String name, int questions) {
	}

	@GetMapping
	String overview(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		TeamResults.View view = results.results(team, quarter, locale.toLanguageTag());
		AssessmentSnapshot state = view.state();
		page.addAttribute("results", view);
		page.addAttribute("state", state);
		page.addAttribute("canEdit", access.canEdit(team));
		page.addAttribute("overdue", overdue.isOverdue(state.quarter(), state.status()));
		page.addAttribute("toReview",
				state.unreviewedQuestions()
					.entrySet()
					.stream()
					.map(left -> new AspectToReview(left.getKey(),
							state.model().aspect(left.getKey()).orElseThrow().name().in(locale.toLanguageTag()),
							left.getValue().size()))
					.toList());
		page.addAttribute("mayPlan", access.isMember(team));
		page.addAttribute("done", view.plan().doneSince(doneSince(view)));
		return "assessment/overview";
	}

	/**
	 * Actions done since the previous quarter's due date count beside the score change
	 * (all, without one).
	 */
	private Instant doneSince(TeamResults.View view) {
		return view.previousQuarter() == null ? null
				: quarters.byLabel(view.previousQuarter()).dueOn().atStartOfDay(ZoneId.systemDefault()).toInstant();
	}

	/**
	 * Creates the assessment, pre-filled from the previous quarter, and opens its first
	 * aspect.
	 */
	@PostMapping("/start")
	String start(@PathVariable String team, @PathVariable String quarter, @AuthenticationPrincipal AccountUser user) {
		assessments.start(team, quarter, user.personId());
		return "redirect:" + path(team, quarter) + "/answer";
	}

	/**
	 * Answering; an assessment nobody started yet is started with the button on its page,
	 * never by opening a link. Reads in two statements, the first of which checks who may
	 * change the team's answers; the model's texts come rendered from memory.
	 */
	@ChecksTeamAccessItself
	@GetMapping("/answer")
	String answer(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(name = "aspect", required = false) String aspect,
			@RequestHeader(name = FRAGMENT_HEADER, required = false) String fragment,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, HttpServletRequest request,
			HttpServletResponse response) {
		response.addHeader(HttpHeaders.VARY, FRAGMENT_HEADER);
		AnswerSheets.AnswerSheet sheet = sheets.read(team, quarter, user.personId(), access.editsEveryTeam())
			.orElseThrow(() -> {
				access.requireReadable(team);
				return new QuarterNotFoundException(quarter);
			});
		if (sheet.mayEdit()) {
			access.editableFound(team);
		}
		else {
			access.requireReadable(team);
		}
		AssessmentSnapshot state = sheet.state();
		if (!state.started() || !state.changeable() || !sheet.mayEdit()) {
			return "redirect:" + path(team, quarter);
		}
		String view = answerPage(state, aspect,
				new AnswerPage.Request(locale, base(request, team, quarter), Map.of(), Map.of(), Map.of()), page);
		return fragment == null ? view : view + " :: page";
	}

	/**
	 * The Save buttons: saves what the person changed on this aspect, confirms what they
	 * confirmed; conflicts and problems are shown beside their question with what the
	 * person sent. A conflict waits for the person: *Use my answer* saves theirs over
	 * (the form carries the other answer's version now), *Take their answer* leaves the
	 * question as saved; until then the question is not saved and its conflict is shown
	 * again.
	 */
	@PostMapping("/answer")
	String save(@PathVariable String team, @PathVariable String quarter, @Valid AnswerForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser user, Locale locale, Model page, HttpServletRequest request,
			RedirectAttributes redirect) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		if (!state.changeable()) {
			throw AssessmentProblem.notNow(
					state.submitted() ? "assessment.submitted"
							: state.quarter().state() == QuarterState.PLANNED ? "quarter.planned" : "quarter.closed",
					quarter);
		}
		if (!state.started()) {
			state = assessments.start(team, quarter, user.personId());
		}
		String aspect = state.model()
			.aspect(form.aspect() == null ? "" : form.aspect())
			.map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		List<MaturityModel.Question> questions = state.model().aspect(aspect).orElseThrow().questions();
		Map<String, AnswerPage.Submitted> submitted = new LinkedHashMap<>();
		questions.forEach(
				question -> submitted.put(question.id(), new AnswerPage.Submitted(form.question(question.id()).chosen(),
						form.question(question.id()).typedComment())));
		Map<String, MessageSourceResolvable> problems = new HashMap<>();
		Map<String, AnswerState> conflicts = new HashMap<>();
		if (errors.hasErrors()) {
			errors.getAllErrors().forEach(error -> problems.putIfAbsent(subject(error), error));
			return answerPage(state, aspect, refused(request, team, quarter, locale, submitted, problems, conflicts),
					page);
		}
		for (MaturityModel.Question question : questions) {
			String key = question.id();
			AnswerForm.QuestionFields fields = form.question(key);
			if (fields.waitsForChoice() && !key.equals(form.keepMine()) && !key.equals(form.takeTheirs())) {
				if (fields.changed()) {
					conflicts.put(key, state.answers().get(key));
				}
				continue;
			}
			if (key.equals(form.takeTheirs()) || !fields.changed() && !key.equals(form.confirm())) {
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
			return answerPage(assessments.state(team, quarter), aspect,
					refused(request, team, quarter, locale, submitted, problems, conflicts), page);
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
	String reopen(@PathVariable String team, @PathVariable String quarter,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal AccountUser user,
			RedirectAttributes redirect) {
		assessments.reopen(team, quarter, reason, user.personId());
		redirect.addFlashAttribute("notice", "assessment.reopened.notice");
		return "redirect:" + path(team, quarter);
	}

	@GetMapping("/history")
	String history(@PathVariable String team, @PathVariable String quarter, Locale locale, Model page) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		page.addAttribute("state", state);
		page.addAttribute("changes", HistoryEntries.of(assessments.changes(team, quarter), state.model(),
				locale.toLanguageTag(), messages, locale));
		return "assessment/history";
	}

	static String path(String team, String quarter) {
		return "/teams/" + team + "/assessments/" + quarter;
	}

	/**
	 * The question a form error belongs to ({@code question[key].field}), or the target.
	 */
	private static String subject(MessageSourceResolvable error) {
		if (error instanceof FieldError field && field.getField().startsWith("question[")) {
			return field.getField().substring("question[".length(), field.getField().indexOf(']'));
		}
		return "target";
	}

	private static String base(HttpServletRequest request, String team, String quarter) {
		return request.getContextPath() + path(team, quarter);
	}

	/**
	 * The answering page after a Save that was refused in part: what was sent, the
	 * problems, the conflicts.
	 */
	private AnswerPage.Request refused(HttpServletRequest request, String team, String quarter, Locale locale,
			Map<String, AnswerPage.Submitted> submitted, Map<String, MessageSourceResolvable> problems,
			Map<String, AnswerState> conflicts) {
		Map<String, String> texts = new HashMap<>();
		problems.forEach((subject, problem) -> texts.put(subject, messages.getMessage(problem, locale)));
		return new AnswerPage.Request(locale, base(request, team, quarter), submitted, texts, conflicts);
	}

	private String answerPage(AssessmentSnapshot state, String aspect, AnswerPage.Request request, Model page) {
		String shown = state.model()
			.aspect(aspect == null ? "" : aspect)
			.map(MaturityModel.Aspect::key)
			.orElse(state.model().aspects().get(0).key());
		page.addAttribute("state", state);
		page.addAttribute("form", AnswerPage.of(state, shown, request, parts, messages));
		page.addAttribute("plan", plans.plan(state.team().slug(), request.language()));
		page.addAttribute("aspect", shown);
		return "assessment/answer";
	}

}
