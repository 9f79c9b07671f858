package dev.platformmaturity.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.assessment.AssessmentEvent.Kind;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.team.TeamHidden;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's assessment in a quarter: opening it (pre-filled from the team's previous assessment), answering, targets,
 * submitting, reopening, and its history. Reading needs read access to the team; changing needs edit access (its
 * members, administrators), an open quarter and an assessment that is not submitted.
 */
@Service
public class Assessments {

	static final int MAX_COMMENT = 2000;

	private final Teams teams;

	private final QuarterRepository quarters;

	private final AssessmentRepository assessments;

	private final AnswerRepository answers;

	private final TargetRepository targets;

	private final AssessmentEventRepository events;

	private final ModelCatalog catalog;

	private final Accounts accounts;

	Assessments(Teams teams, QuarterRepository quarters, AssessmentRepository assessments, AnswerRepository answers,
			TargetRepository targets, AssessmentEventRepository events, ModelCatalog catalog, Accounts accounts) {
		this.teams = teams;
		this.quarters = quarters;
		this.assessments = assessments;
		this.answers = answers;
		this.targets = targets;
		this.events = events;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamHidden.class)
	public AssessmentState state(String team, String quarter) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		return assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id())
			.map(assessment -> state(teamRef, quarterEntity, assessment))
			.orElseGet(() -> new AssessmentState(teamRef, quarterEntity.info(), AssessmentStatus.NOT_STARTED,
					catalog.currentVersion(), Map.of(), Map.of(), null, null, null));
	}

	/** The team's assessments of earlier quarters than {@code quarter} (all when null), newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamHidden.class)
	public List<AssessmentState> history(String team, String quarter) {
		TeamRef teamRef = team(team);
		List<AssessmentState> history = new ArrayList<>();
		for (Assessment assessment : assessments.findByTeamNewestFirst(teamRef.id())) {
			Quarter of = quarters.findById(assessment.quarterId()).orElseThrow();
			if (quarter == null || of.label().compareTo(quarter) < 0) {
				history.add(state(teamRef, of, assessment));
			}
		}
		return history;
	}

	/**
	 * Opens the team's assessment of an open quarter, creating it on first use: tied to the current model version and
	 * pre-filled from the team's latest earlier assessment.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public AssessmentState start(String team, String quarter, long personId) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		Optional<Assessment> existing = assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id());
		if (existing.isPresent()) {
			return state(teamRef, quarterEntity, existing.get());
		}
		requireOpen(quarterEntity);
		ModelVersion version = catalog.currentVersion();
		Assessment assessment;
		try {
			assessment = assessments.saveAndFlush(new Assessment(teamRef.id(), quarterEntity.id(), version.databaseId(), personId));
		}
		catch (DataIntegrityViolationException openedMeanwhile) {
			throw AssessmentProblem.notNow("assessment.startedMeanwhile");
		}
		Optional<AssessmentState> previous = history(team, quarter).stream().findFirst();
		for (MaturityModel.Aspect aspect : version.model().aspects()) {
			for (MaturityModel.Question question : aspect.questions()) {
				Answer answer = new Answer(assessment.id(), version.questionIds().get(question.id()));
				previous.map(p -> p.answers().get(question.id()))
					.ifPresent(earlier -> answer.carriedOverFrom(earlier.level(), earlier.notApplicable(), earlier.comment()));
				answers.save(answer);
			}
			targets.save(new Target(assessment.id(), version.aspectIds().get(aspect.key()),
					previous.flatMap(p -> p.target(aspect.key())).orElse(null)));
		}
		events.save(new AssessmentEvent(assessment.id(), Kind.START, null, null,
				previous.map(p -> p.quarter().label()).orElse(null), null, personId));
		return state(teamRef, quarterEntity, assessment);
	}

	/** A saved answer, and how many of the assessment's questions are now answered. */
	public record SavedAnswer(AnswerState answer, long answered, int questions) {
	}

	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public SavedAnswer saveAnswer(String team, String quarter, String question, AnswerChange change, long personId) {
		Assessment assessment = changeableAssessment(team, quarter, personId);
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		Long questionId = version.questionIds().get(question);
		if (questionId == null) {
			throw AssessmentProblem.unknown("assessment.question.unknown", question);
		}
		Integer level = level(question, change.option());
		if (level != null && change.notApplicable()) {
			throw AssessmentProblem.badInput("assessment.answer.both");
		}
		String comment = change.comment() == null || change.comment().isBlank() ? null : change.comment().strip();
		if (comment != null && comment.length() > MAX_COMMENT) {
			throw AssessmentProblem.badInput("assessment.comment.tooLong", MAX_COMMENT, comment.length());
		}
		Answer answer = answers.findByAssessmentIdAndQuestionId(assessment.id(), questionId).orElseThrow();
		if (answer.version() != change.expectedVersion()) {
			throw new StaleAnswerException(answerState(question, answer, names(Collections.singleton(answer.updatedBy()))));
		}
		String oldOption = optionValue(question, answer.level(), answer.notApplicable());
		String newOption = optionValue(question, level, change.notApplicable());
		boolean answerChanged = !Objects.equals(oldOption, newOption);
		boolean commentChanged = !Objects.equals(answer.comment(), comment);
		if (answerChanged) {
			events.save(new AssessmentEvent(assessment.id(), Kind.ANSWER, question, oldOption, newOption, null, personId));
		}
		if (commentChanged) {
			events.save(new AssessmentEvent(assessment.id(), Kind.COMMENT, question, answer.comment(), comment, null, personId));
		}
		if (answerChanged || commentChanged) {
			answer.change(level, change.notApplicable(), comment, personId);
		}
		else if (answer.carriedOver() && change.confirm()) {
			events.save(new AssessmentEvent(assessment.id(), Kind.CONFIRM, question, null, oldOption, null, personId));
			answer.confirm(personId);
		}
		// Two saves of this answer that passed the version check at once: the database refuses the second.
		answers.saveAndFlush(answer);
		assessments.touch(assessment.id(), Instant.now());
		return new SavedAnswer(answerState(question, answer, names(Collections.singleton(personId))),
				answers.countAnswered(assessment.id()), version.questionCount());
	}

	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public TargetState saveTarget(String team, String quarter, String aspect, Integer level, long expectedVersion,
			long personId) {
		Assessment assessment = changeableAssessment(team, quarter, personId);
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		Long aspectId = version.aspectIds().get(aspect);
		if (aspectId == null) {
			throw AssessmentProblem.unknown("assessment.aspect.unknown", aspect);
		}
		if (level != null && (level < 1 || level > 4)) {
			throw AssessmentProblem.badInput("assessment.level.outOfRange", level);
		}
		Target target = targets.findById(new Target.Key(assessment.id(), aspectId)).orElseThrow();
		if (target.version() != expectedVersion) {
			throw AssessmentProblem.notNow("assessment.target.stale");
		}
		if (!Objects.equals(target.level(), level)) {
			events.save(new AssessmentEvent(assessment.id(), Kind.TARGET, aspect, text(target.level()), text(level), null, personId));
			target.change(level, personId);
			assessments.touch(assessment.id(), Instant.now());
		}
		Target saved = targets.saveAndFlush(target);
		return new TargetState(aspect, saved.level(), saved.version());
	}

	/** Submits when every question is answered or marked not applicable; carried-over answers count as confirmed. */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public void submit(String team, String quarter, long personId) {
		Assessment assessment = changeableAssessment(team, quarter, personId);
		List<Answer> all = answers.findByAssessmentId(assessment.id());
		long unanswered = all.stream().filter(answer -> !answer.answered()).count();
		if (unanswered > 0) {
			throw AssessmentProblem.badInput("assessment.submit.unanswered", unanswered);
		}
		all.stream().filter(Answer::carriedOver).forEach(answer -> answer.confirm(personId));
		assessment.submit(personId);
		events.save(new AssessmentEvent(assessment.id(), Kind.SUBMIT, null, null, null, null, personId));
	}

	/** A lead or administrator reopens a submitted assessment of an open quarter, giving the reason. */
	@Transactional
	@PreAuthorize("hasRole('LEAD') and @teamAccess.canRead(#team)")
	public void reopen(String team, String quarter, String reason, long personId) {
		if (reason == null || reason.isBlank()) {
			throw AssessmentProblem.badInput("assessment.reopen.reasonRequired");
		}
		if (reason.strip().length() > MAX_COMMENT) {
			throw AssessmentProblem.badInput("assessment.comment.tooLong", MAX_COMMENT, reason.strip().length());
		}
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		requireOpen(quarterEntity);
		Assessment assessment = assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id())
			.orElseThrow(() -> AssessmentProblem.notNow("assessment.notStarted"));
		if (assessment.status() != AssessmentStatus.SUBMITTED) {
			throw AssessmentProblem.notNow("assessment.reopen.notSubmitted");
		}
		assessment.reopen();
		events.save(new AssessmentEvent(assessment.id(), Kind.REOPEN, null, null, null, reason.strip(), personId));
	}

	/** Every change of the assessment, newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamHidden.class)
	public List<Change> changes(String team, String quarter) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		Optional<Assessment> assessment = assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id());
		if (assessment.isEmpty()) {
			return List.of();
		}
		List<AssessmentEvent> all = events.findByAssessmentIdOrderByIdDesc(assessment.get().id());
		Set<Long> people = new HashSet<>();
		all.forEach(event -> people.add(event.changedBy()));
		Map<Long, String> names = names(people);
		return all.stream()
			.map(event -> new Change(event.kind().name(), event.subject(), event.oldValue(), event.newValue(),
					event.reason(), names.get(event.changedBy()), event.changedAt()))
			.toList();
	}

	/** One entry of an assessment's history. */
	public record Change(String kind, String subject, String oldValue, String newValue, String reason, String by,
			Instant at) {
	}

	private Assessment changeableAssessment(String team, String quarter, long personId) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		requireOpen(quarterEntity);
		Assessment assessment = assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id())
			.orElseGet(() -> {
				start(team, quarter, personId);
				return assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id()).orElseThrow();
			});
		if (assessment.status() == AssessmentStatus.SUBMITTED) {
			throw AssessmentProblem.notNow("assessment.submitted");
		}
		return assessment;
	}

	private static void requireOpen(Quarter quarter) {
		if (quarter.state() == QuarterState.PLANNED) {
			throw AssessmentProblem.notNow("quarter.planned", quarter.label());
		}
		if (quarter.state() == QuarterState.CLOSED) {
			throw AssessmentProblem.notNow("quarter.closed", quarter.label());
		}
	}

	/** The level an option names; the option must be one of this question's, {@code question:1} to {@code question:4}. */
	private static Integer level(String question, String option) {
		if (option == null || option.isBlank()) {
			return null;
		}
		int separator = option.lastIndexOf(':');
		if (separator < 1 || !option.substring(separator + 1).matches("-?\\d{1,9}")) {
			throw AssessmentProblem.badInput("assessment.option.unknown", option);
		}
		if (!option.substring(0, separator).equals(question)) {
			throw AssessmentProblem.badInput("assessment.option.otherQuestion", option, question);
		}
		int level = Integer.parseInt(option.substring(separator + 1));
		if (level < 1 || level > 4) {
			throw AssessmentProblem.badInput("assessment.level.outOfRange", level);
		}
		return level;
	}

	private TeamRef team(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> new TeamNotFoundException(slug));
	}

	private Quarter quarter(String label) {
		return quarters.findByLabel(label).orElseThrow(() -> new QuarterNotFoundException(label));
	}

	private AssessmentState state(TeamRef team, Quarter quarter, Assessment assessment) {
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		List<Answer> answerRows = answers.findByAssessmentId(assessment.id());
		Set<Long> people = new HashSet<>();
		answerRows.forEach(answer -> people.add(answer.updatedBy()));
		people.add(assessment.submittedBy());
		Map<Long, String> names = names(people);
		Map<String, AnswerState> answerStates = new LinkedHashMap<>();
		for (Answer answer : answerRows) {
			version.questionKey(answer.questionId())
				.ifPresent(question -> answerStates.put(question, answerState(question, answer, names)));
		}
		Map<String, TargetState> targetStates = new LinkedHashMap<>();
		for (Target target : targets.findByAssessmentId(assessment.id())) {
			version.aspectKey(target.aspectId())
				.ifPresent(aspect -> targetStates.put(aspect, new TargetState(aspect, target.level(), target.version())));
		}
		return new AssessmentState(team, quarter.info(), assessment.status(), version, answerStates, targetStates,
				assessment.submittedAt(), names.get(assessment.submittedBy()), assessment.updatedAt());
	}

	private static AnswerState answerState(String question, Answer answer, Map<Long, String> names) {
		return new AnswerState(question, answer.level(), answer.notApplicable(), answer.comment(), answer.carriedOver(),
				answer.version(), answer.updatedAt(), names.get(answer.updatedBy()));
	}

	private Map<Long, String> names(Set<Long> personIds) {
		Set<Long> ids = new HashSet<>(personIds);
		ids.remove(null);
		Map<Long, String> names = new HashMap<>();
		accounts.findAll(ids).forEach((id, person) -> names.put(id, person.displayName()));
		return names;
	}

	private static String optionValue(String question, Integer level, boolean notApplicable) {
		return notApplicable ? "n/a" : level == null ? null : question + ":" + level;
	}

	private static String text(Integer level) {
		return level == null ? null : level.toString();
	}

}
