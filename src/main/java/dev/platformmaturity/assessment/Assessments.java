package dev.platformmaturity.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.assessment.AssessmentEvent.Kind;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.scoring.Scoring;
import dev.platformmaturity.team.TeamAccess;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's assessment in a quarter: opening it (pre-filled from the team's previous
 * assessment), answering, targets, submitting, reopening, and its history. Reading needs
 * read access to the team; changing needs edit access (its members, administrators), an
 * open quarter and an assessment that is not submitted.
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

	private final AssessmentRows rows;

	private final ModelCatalog catalog;

	private final Accounts accounts;

	private final TeamAccess access;

	Assessments(Teams teams, QuarterRepository quarters, AssessmentRepository assessments, AnswerRepository answers,
			TargetRepository targets, AssessmentEventRepository events, AssessmentRows rows, ModelCatalog catalog,
			Accounts accounts, TeamAccess access) {
		this.teams = teams;
		this.quarters = quarters;
		this.assessments = assessments;
		this.answers = answers;
		this.targets = targets;
		this.events = events;
		this.rows = rows;
		this.catalog = catalog;
		this.accounts = accounts;
		this.access = access;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public AssessmentSnapshot state(String team, String quarter) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		return assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id())
			.map(assessment -> state(teamRef, quarterEntity, assessment))
			.orElseGet(() -> new AssessmentSnapshot(teamRef, quarterEntity.info(), AssessmentStatus.NOT_STARTED,
					catalog.currentVersion(), Map.of(), Map.of(), null, null, null));
	}

	/**
	 * The team's assessments of earlier quarters than {@code quarter} (all when null),
	 * newest first.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<AssessmentSnapshot> history(String team, String quarter) {
		TeamRef teamRef = team(team);
		List<AssessmentSnapshot> history = new ArrayList<>();
		for (Assessment assessment : assessments.findByTeamNewestFirst(teamRef.id())) {
			Quarter of = quarters.findById(assessment.quarterId()).orElseThrow();
			if (quarter == null || of.label().compareTo(quarter) < 0) {
				history.add(state(teamRef, of, assessment));
			}
		}
		return history;
	}

	/**
	 * Starts the team's assessment of an open quarter: tied to the current model version
	 * and pre-filled from the team's latest earlier assessment. Starting an assessment
	 * that exists changes nothing.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public AssessmentSnapshot start(String team, String quarter, long personId) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		if (assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id()).isEmpty()) {
			create(teamRef, quarterEntity, personId);
		}
		return state(teamRef, quarterEntity,
				assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id()).orElseThrow());
	}

	/**
	 * Creates every answer and target, carried over from the previous assessment; nothing
	 * when someone just did.
	 */
	private void create(TeamRef team, Quarter quarter, long personId) {
		requireOpen(quarter.state(), quarter.label());
		ModelVersion version = catalog.currentVersion();
		OptionalLong created = rows.create(team.id(), quarter.id(), version.databaseId(), personId);
		if (created.isEmpty()) {
			return;
		}
		long id = created.getAsLong();
		Optional<AssessmentRows.Previous> previous = rows.previous(team.id(), quarter.label());
		rows.carryOver(id, version.databaseId(), previous.map(AssessmentRows.Previous::id).orElse(null));
		rows.addEvents(id, List.of(new AssessmentRows.Event(Kind.START, null, null,
				previous.map(AssessmentRows.Previous::quarterLabel).orElse(null), null)), personId);
		rows.recountFigures(List.of(id));
	}

	/** A saved answer, and the assessment's counts after the save. */
	public record SavedAnswer(AnswerState answer, long answered, long reviewed, long carriedOver, int questions) {

		SavedAnswer(AnswerState answer, AssessmentRows.Counts counts, int questions) {
			this(answer, counts.answered(), counts.reviewed(), counts.carriedOver(), questions);
		}

	}

	/**
	 * Saves one answer; saving a carried-over answer unchanged confirms it. The path
	 * every click of the answering page takes, so it sends two statements in its
	 * transaction: one query locks the assessment and reads what every rule needs (who
	 * may change the team's answers is checked there, rather than by a method security
	 * look-up of its own), then one statement writes the answer, its history and the
	 * assessment's kept figures. The first answer of an assessment that is not started
	 * yet starts it.
	 */
	@Transactional
	public SavedAnswer saveAnswer(String team, String quarter, String question, AnswerChange change, long personId) {
		Integer level = level(question, change.option());
		if (level != null && change.notApplicable()) {
			throw AssessmentProblem.badInput("assessment.answer.both");
		}
		String comment = comment(change.comment());
		AssessmentRows.LockedAnswer locked = lockAnswer(team, quarter, question, personId);
		AssessmentRows.Locked assessment = locked.assessment();
		if (!locked.mayEdit()) {
			throw editRefused(team);
		}
		requireChangeable(assessment);
		int questions = catalog.versionById(assessment.modelVersionId()).questionCount();
		AnswerState saved = locked.answer();
		if (saved.version() != change.expectedVersion()) {
			throw new StaleAnswerException(rows.answer(assessment.id(), question));
		}
		String oldOption = optionValue(question, saved.level(), saved.notApplicable());
		String newOption = optionValue(question, level, change.notApplicable());
		List<AssessmentRows.Event> events = new ArrayList<>();
		if (!Objects.equals(oldOption, newOption)) {
			events.add(new AssessmentRows.Event(Kind.ANSWER, question, oldOption, newOption, null));
		}
		if (!Objects.equals(saved.comment(), comment)) {
			events.add(new AssessmentRows.Event(Kind.COMMENT, question, saved.comment(), comment, null));
		}
		if (events.isEmpty() && saved.carriedOver()) {
			events.add(new AssessmentRows.Event(Kind.CONFIRM, question, null, oldOption, null));
		}
		if (events.isEmpty()) {
			// Nothing to write. Read the answer again: this query may have waited for the
			// lock while it changed.
			AnswerState current = rows.answer(assessment.id(), question);
			if (current.version() != change.expectedVersion()) {
				throw new StaleAnswerException(current);
			}
			return new SavedAnswer(current, locked.counts(), questions);
		}
		AnswerState intended = new AnswerState(question, level, change.notApplicable(), comment, false,
				change.expectedVersion() + 1, null, locked.callerName());
		AssessmentRows.Written written = rows
			.writeAnswer(assessment.id(), locked.aspectId(),
					new AssessmentRows.AnswerWrite(locked.answerId(), change.expectedVersion(), level,
							change.notApplicable(), comment),
					events, FigureChange.between(saved, intended), personId)
			.orElseThrow(() -> new StaleAnswerException(rows.answer(assessment.id(), question)));
		AnswerState answer = new AnswerState(question, level, change.notApplicable(), comment, false,
				written.changed().version(), written.changed().at(), locked.callerName());
		return new SavedAnswer(answer, written.counts(), questions);
	}

	/**
	 * The answer, its assessment locked; when the look-up finds nothing, the reason, or a
	 * start for a first answer.
	 */
	private AssessmentRows.LockedAnswer lockAnswer(String team, String quarter, String question, long personId) {
		Optional<AssessmentRows.LockedAnswer> locked = rows.lockAnswer(team, quarter, question, personId,
				access.editsEveryTeam());
		if (locked.isPresent()) {
			return locked.get();
		}
		TeamRef teamRef = team(team);
		if (!access.canEdit(team)) {
			throw editRefused(team);
		}
		Quarter quarterEntity = quarter(quarter);
		if (assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id()).isEmpty()) {
			create(teamRef, quarterEntity, personId);
			locked = rows.lockAnswer(team, quarter, question, personId, access.editsEveryTeam());
		}
		return locked.orElseThrow(() -> AssessmentProblem.unknown("assessment.question.unknown", question));
	}

	/**
	 * Refuses a change of the team's answers: 404 for a team the caller may not read (the
	 * save checks access itself, not the web layer), 403 for one they only read.
	 */
	private AccessDeniedException editRefused(String team) {
		access.requireReadable(team);
		return new AccessDeniedException("May not change the answers of team " + team);
	}

	/**
	 * The carried-over answers of one aspect that someone confirmed at once, and the
	 * assessment's counts after.
	 */
	public record ConfirmedAnswers(List<AnswerState> confirmed, long answered, long reviewed, long carriedOver,
			int questions) {
	}

	/**
	 * Confirms every answer of the aspect that is still carried over: the team says they
	 * are still right.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public ConfirmedAnswers confirmAspect(String team, String quarter, String aspect, long personId) {
		AssessmentRows.Locked assessment = changeable(team, quarter, personId);
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		Long aspectId = version.aspectIds().get(aspect);
		if (aspectId == null) {
			throw AssessmentProblem.unknown("assessment.aspect.unknown", aspect);
		}
		List<AnswerState> confirmed = rows.confirmCarriedOver(assessment.id(), aspectId, personId);
		rows.addEvents(assessment.id(),
				confirmed.stream()
					.map(answer -> new AssessmentRows.Event(Kind.CONFIRM, answer.question(), null,
							optionValue(answer.question(), answer.level(), answer.notApplicable()), null))
					.toList(),
				personId);
		int reviewed = (int) confirmed.stream().filter(AnswerState::answered).count();
		AssessmentRows.Counts counts = confirmed.isEmpty() ? rows.counts(assessment.id())
				: rows.addToFigures(assessment.id(), aspectId, new FigureChange(0, reviewed, -confirmed.size(), 0, 0));
		return new ConfirmedAnswers(confirmed, counts.answered(), counts.reviewed(), counts.carriedOver(),
				version.questionCount());
	}

	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public TargetState saveTarget(String team, String quarter, String aspect, Integer level, long expectedVersion,
			long personId) {
		if (level != null && (level < Scoring.LOWEST_LEVEL || level > Scoring.HIGHEST_LEVEL)) {
			throw AssessmentProblem.badInput("assessment.level.outOfRange", level);
		}
		AssessmentRows.Locked assessment = changeable(team, quarter, personId);
		Long aspectId = catalog.versionById(assessment.modelVersionId()).aspectIds().get(aspect);
		if (aspectId == null) {
			throw AssessmentProblem.unknown("assessment.aspect.unknown", aspect);
		}
		AssessmentRows.TargetRow target = rows.target(assessment.id(), aspectId).orElseThrow();
		if (target.version() != expectedVersion) {
			throw AssessmentProblem.notNow("assessment.target.stale")
				.with("current", new TargetState(aspect, target.level(), target.version()));
		}
		if (Objects.equals(target.level(), level)) {
			return new TargetState(aspect, target.level(), target.version());
		}
		AssessmentRows.TargetRow saved = rows.changeTarget(assessment.id(), aspectId, expectedVersion, level, personId)
			.orElseThrow();
		rows.addEvents(assessment.id(),
				List.of(new AssessmentRows.Event(Kind.TARGET, aspect, text(target.level()), text(level), null)),
				personId);
		rows.touch(assessment.id());
		return new TargetState(aspect, saved.level(), saved.version());
	}

	/**
	 * Submits when every answer is reviewed this quarter: answered, or carried over and
	 * confirmed.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public void submit(String team, String quarter, long personId) {
		AssessmentRows.Locked assessment = rows.lock(team, quarter).orElseThrow(() -> notStarted(team, quarter));
		requireChangeable(assessment);
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		Set<Long> reviewed = new HashSet<>();
		answers.findByAssessmentId(assessment.id())
			.stream()
			.filter(answer -> answer.answered() && !answer.carriedOver())
			.forEach(answer -> reviewed.add(answer.questionId()));
		List<String> left = version.model()
			.aspects()
			.stream()
			.flatMap(aspect -> aspect.questions().stream())
			.map(MaturityModel.Question::id)
			.filter(question -> !reviewed.contains(version.questionIds().get(question)))
			.toList();
		if (!left.isEmpty()) {
			throw AssessmentProblem.badInput("assessment.submit.unreviewed", left.size(), String.join(", ", left));
		}
		rows.submit(assessment.id(), personId);
		rows.addEvents(assessment.id(), List.of(new AssessmentRows.Event(Kind.SUBMIT, null, null, null, null)),
				personId);
	}

	/**
	 * A lead or administrator reopens a submitted assessment of an open quarter, giving
	 * the reason.
	 */
	@Transactional
	@PreAuthorize("hasRole('LEAD') and @teamAccess.canRead(#team)")
	public void reopen(String team, String quarter, String reason, long personId) {
		if (reason == null || reason.isBlank()) {
			throw AssessmentProblem.badInput("assessment.reopen.reasonRequired");
		}
		String stripped = limited(reason.strip());
		AssessmentRows.Locked assessment = rows.lock(team, quarter).orElseThrow(() -> notStarted(team, quarter));
		requireOpen(assessment.quarterState(), assessment.quarterLabel());
		if (assessment.status() != AssessmentStatus.SUBMITTED) {
			throw AssessmentProblem.notNow("assessment.reopen.notSubmitted");
		}
		rows.reopen(assessment.id());
		rows.addEvents(assessment.id(), List.of(new AssessmentRows.Event(Kind.REOPEN, null, null, null, stripped)),
				personId);
	}

	/**
	 * Every change of the assessment, newest first; quick changes of one answer by one
	 * person as one.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<Change> changes(String team, String quarter) {
		TeamRef teamRef = team(team);
		Quarter quarterEntity = quarter(quarter);
		Optional<Assessment> assessment = assessments.findByTeamIdAndQuarterId(teamRef.id(), quarterEntity.id());
		if (assessment.isEmpty()) {
			return List.of();
		}
		List<HistoryGroups.Entry> entries = HistoryGroups.group(
				events.findByAssessmentIdOrderByIdDesc(assessment.get().id()).stream().map(HistoryGroups::of).toList());
		Set<Long> people = new HashSet<>();
		entries.forEach(entry -> people.add(entry.by()));
		Map<Long, String> names = names(people);
		return entries.stream()
			.map(entry -> new Change(entry.kind().name(), entry.subject(), entry.oldValue(), entry.newValue(),
					entry.reason(), names.get(entry.by()), entry.at()))
			.toList();
	}

	/** One entry of an assessment's history. */
	public record Change(String kind, String subject, String oldValue, String newValue, String reason, String by,
			Instant at) {
	}

	/** The assessment locked, started if it is not yet, when its answers may change. */
	private AssessmentRows.Locked changeable(String team, String quarter, long personId) {
		AssessmentRows.Locked assessment = rows.lock(team, quarter).orElseGet(() -> {
			create(team(team), quarter(quarter), personId);
			return rows.lock(team, quarter).orElseThrow();
		});
		requireChangeable(assessment);
		return assessment;
	}

	static void requireChangeable(AssessmentRows.Locked assessment) {
		requireOpen(assessment.quarterState(), assessment.quarterLabel());
		if (assessment.status() == AssessmentStatus.SUBMITTED) {
			throw AssessmentProblem.notNow("assessment.submitted");
		}
	}

	/**
	 * Why an assessment could not be found: the team or quarter does not exist, or nobody
	 * started it.
	 */
	private AssessmentProblem notStarted(String team, String quarter) {
		team(team);
		quarter(quarter);
		return AssessmentProblem.notNow("assessment.notStarted");
	}

	private static void requireOpen(QuarterState state, String label) {
		if (state == QuarterState.PLANNED) {
			throw AssessmentProblem.notNow("quarter.planned", label);
		}
		if (state == QuarterState.CLOSED) {
			throw AssessmentProblem.notNow("quarter.closed", label);
		}
	}

	/**
	 * A comment as kept: stripped, null when blank, at most {@value #MAX_COMMENT}
	 * characters.
	 */
	private static String comment(String comment) {
		return comment == null || comment.isBlank() ? null : limited(comment.strip());
	}

	/**
	 * Characters are counted as PostgreSQL counts them: Unicode code points, not UTF-16
	 * units.
	 */
	private static String limited(String text) {
		int characters = text.codePointCount(0, text.length());
		if (characters > MAX_COMMENT) {
			throw AssessmentProblem.badInput("assessment.comment.tooLong", MAX_COMMENT, characters);
		}
		return text;
	}

	/**
	 * The level an option names; the option must be one of this question's,
	 * {@code question:1} to {@code question:4}.
	 */
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

	private AssessmentSnapshot state(TeamRef team, Quarter quarter, Assessment assessment) {
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
				.ifPresent(
						aspect -> targetStates.put(aspect, new TargetState(aspect, target.level(), target.version())));
		}
		return new AssessmentSnapshot(team, quarter.info(), assessment.status(), version, answerStates, targetStates,
				assessment.submittedAt(), names.get(assessment.submittedBy()), assessment.updatedAt());
	}

	private static AnswerState answerState(String question, Answer answer, Map<Long, String> names) {
		return new AnswerState(question, answer.level(), answer.notApplicable(), answer.comment(), answer.carriedOver(),
				answer.version(), answer.updatedAt(), names.get(answer.updatedBy()), answer.imported());
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
