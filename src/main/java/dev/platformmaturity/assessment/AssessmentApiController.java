package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.team.ChecksTeamAccessItself;
import dev.platformmaturity.team.TeamAccess;
import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.scoring.Scoring;

/**
 * Quarters and assessments as JSON; the answering page saves through the PUT endpoints.
 */
@RestController
@RequestMapping("/api/v1")
class AssessmentApiController {

	private final Quarters quarters;

	private final Assessments assessments;

	private final Overdue overdue;

	private final TeamAccess access;

	AssessmentApiController(Quarters quarters, Assessments assessments, Overdue overdue, TeamAccess access) {
		this.quarters = quarters;
		this.assessments = assessments;
		this.overdue = overdue;
		this.access = access;
	}

	/**
	 * @param pastDue open and past its due date today: its teams that have not submitted
	 * are overdue
	 * @param reopenings when, by whom and why the quarter was reopened, oldest first
	 */
	record QuarterJson(String label, QuarterState state, LocalDate opensOn, LocalDate dueOn, boolean pastDue,
			List<ReopeningJson> reopenings) {
	}

	record ReopeningJson(Instant at, String by, String reason) {
	}

	@GetMapping("/quarters")
	List<QuarterJson> quarters() {
		Map<Long, List<QuarterEvent>> events = quarters.events();
		return quarters.all()
			.stream()
			.map(q -> new QuarterJson(q.label(), q.state(), q.opensOn(), q.dueOn(), overdue.isPastDue(q),
					events.getOrDefault(q.id(), List.of())
						.stream()
						.filter(event -> event.kind() == QuarterEvent.Kind.REOPEN)
						.map(event -> new ReopeningJson(event.changedAt(), event.changedBy(), event.reason()))
						.toList()))
			.toList();
	}

	record ScoreJson(BigDecimal score, Integer level) {
	}

	/**
	 * @param overdue the quarter is open and past its due date today, and the team has
	 * not submitted
	 */
	record AssessmentJson(String team, String quarter, String modelVersion, AssessmentStatus status, long answered,
			long reviewed, long carriedOver, int questions, Instant submittedAt, String submittedBy,
			Map<String, AnswerState> answers, Map<String, Integer> targets, Map<String, ScoreJson> scores,
			boolean overdue) {
	}

	@GetMapping("/teams/{team}/assessments/{quarter}")
	AssessmentJson assessment(@PathVariable String team, @PathVariable String quarter) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		Map<String, Integer> targets = new LinkedHashMap<>();
		state.targets().forEach((aspect, target) -> targets.put(aspect, target.level()));
		Map<String, ScoreJson> scores = new LinkedHashMap<>();
		state.scores()
			.forEach((aspect, score) -> scores.put(aspect,
					new ScoreJson(score.orElse(null), score.map(Scoring::level).orElse(null))));
		return new AssessmentJson(state.team().slug(), state.quarter().label(), state.model().id(), state.status(),
				state.answeredCount(), state.reviewedCount(), state.carriedOverCount(), state.questionCount(),
				state.submittedAt(), state.submittedBy(), state.answers(), targets, scores,
				overdue.isOverdue(state.quarter(), state.status()));
	}

	/**
	 * @param option the chosen option as {@code question:level}, or null
	 * @param version the version of the answer the change starts from, required; a newer
	 * saved version is a conflict (409)
	 * @param confirm accepted from pages that send it; saving a carried-over answer
	 * unchanged confirms it anyway
	 */
	record AnswerJson(String option, Boolean notApplicable, String comment, Long version, Boolean confirm) {

		AnswerChange change() {
			return new AnswerChange(option, Boolean.TRUE.equals(notApplicable), comment, required(version));
		}

	}

	@ChecksTeamAccessItself
	@PutMapping("/teams/{team}/assessments/{quarter}/answers/{question}")
	Assessments.SavedAnswer saveAnswer(@PathVariable String team, @PathVariable String quarter,
			@PathVariable String question, @RequestBody(required = false) AnswerJson body,
			@AuthenticationPrincipal AccountUser user, HttpServletRequest request) {
		if (body == null) {
			access.requireReadable(team);
			throw new HttpMessageNotReadableException("Required request body is missing",
					new ServletServerHttpRequest(request));
		}
		return assessments.saveAnswer(team, quarter, question, body.change(), user.personId());
	}

	/**
	 * Confirms the aspect's answers that are still carried over from the previous
	 * quarter.
	 */
	@PostMapping("/teams/{team}/assessments/{quarter}/aspects/{aspect}/confirm")
	Assessments.ConfirmedAnswers confirmAspect(@PathVariable String team, @PathVariable String quarter,
			@PathVariable String aspect, @AuthenticationPrincipal AccountUser user) {
		return assessments.confirmAspect(team, quarter, aspect, user.personId());
	}

	record TargetJson(Integer level, Long version) {
	}

	@PutMapping("/teams/{team}/assessments/{quarter}/targets/{aspect}")
	TargetState saveTarget(@PathVariable String team, @PathVariable String quarter, @PathVariable String aspect,
			@RequestBody TargetJson body, @AuthenticationPrincipal AccountUser user) {
		return assessments.saveTarget(team, quarter, aspect, body.level(), required(body.version()), user.personId());
	}

	private static long required(Long version) {
		if (version == null) {
			throw AssessmentProblem.badInput("assessment.version.required");
		}
		return version;
	}

}
