package dev.platformmaturity.assessment;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's assessments of every quarter as data, for moving them between installations:
 * read them all, check assessments brought from elsewhere against this installation (its
 * model versions, its quarters, what the team already has), and write them with their
 * kept figures. People are named by username; a username this installation does not know
 * is stored as nobody.
 */
@Service
public class AssessmentTransfer {

	/** A quarter as the data names it; one this installation lacks is created, closed. */
	public record QuarterData(String label, LocalDate opensOn, LocalDate dueOn) {
	}

	public record AnswerData(String question, Integer level, boolean notApplicable, String comment, boolean carriedOver,
			boolean imported, String updatedBy, Instant updatedAt) {
	}

	public record TargetData(String aspect, Integer level) {
	}

	/** One assessment with everything it holds. */
	public record AssessmentData(QuarterData quarter, String modelVersion, AssessmentStatus status, Instant submittedAt,
			String submittedBy, List<AnswerData> answers, List<TargetData> targets) {
	}

	private final JdbcClient jdbc;

	private final Teams teams;

	private final ModelCatalog catalog;

	private final Accounts accounts;

	private final AssessmentRows rows;

	AssessmentTransfer(JdbcClient jdbc, Teams teams, ModelCatalog catalog, AssessmentRows rows, Accounts accounts) {
		this.jdbc = jdbc;
		this.teams = teams;
		this.catalog = catalog;
		this.rows = rows;
		this.accounts = accounts;
	}

	/** Every assessment of the team, oldest quarter first. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<AssessmentData> export(String team) {
		TeamRef teamRef = team(team);
		Map<Long, List<AnswerData>> answers = new HashMap<>();
		jdbc.sql("""
				select a.id, qu.key, an.level, an.not_applicable, an.comment, an.carried_over, an.imported,
				       p.username, an.updated_at
				from assessment a
				join answer an on an.assessment_id = a.id
				join question qu on qu.id = an.question_id
				join aspect asp on asp.id = qu.aspect_id
				left join person p on p.id = an.updated_by
				where a.team_id = ?
				order by a.id, asp.position, qu.position""").param(teamRef.id()).query(rs -> {
			answers.computeIfAbsent(rs.getLong("id"), id -> new ArrayList<>())
				.add(new AnswerData(rs.getString("key"), rs.getObject("level", Integer.class),
						rs.getBoolean("not_applicable"), rs.getString("comment"), rs.getBoolean("carried_over"),
						rs.getBoolean("imported") && rs.getBoolean("carried_over"), rs.getString("username"),
						instant(rs.getObject("updated_at", OffsetDateTime.class))));
		});
		Map<Long, List<TargetData>> targets = new HashMap<>();
		jdbc.sql("""
				select a.id, asp.key, t.level
				from assessment a
				join target t on t.assessment_id = a.id
				join aspect asp on asp.id = t.aspect_id
				where a.team_id = ?
				order by a.id, asp.position""").param(teamRef.id()).query(rs -> {
			targets.computeIfAbsent(rs.getLong("id"), id -> new ArrayList<>())
				.add(new TargetData(rs.getString("key"), rs.getObject("level", Integer.class)));
		});
		return jdbc.sql("""
				select a.id, q.label, q.opens_on, q.due_on, mv.model_id, a.status, a.submitted_at, p.username
				from assessment a
				join quarter q on q.id = a.quarter_id
				join model_version mv on mv.id = a.model_version_id
				left join person p on p.id = a.submitted_by
				where a.team_id = ?
				order by q.label""")
			.param(teamRef.id())
			.query((rs, n) -> new AssessmentData(
					new QuarterData(rs.getString("label"), rs.getObject("opens_on", LocalDate.class),
							rs.getObject("due_on", LocalDate.class)),
					rs.getString("model_id"), AssessmentStatus.valueOf(rs.getString("status")),
					instant(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("username"),
					answers.getOrDefault(rs.getLong("id"), List.of()),
					targets.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * Everything that keeps assessments from being written into the team here, each with
	 * its path in the data ({@code assessments[2].answers[0].question}): a model version
	 * this installation lacks, questions and aspects that are not the version's, a
	 * quarter given twice or one the team already has an assessment of, dates out of
	 * order or range, an answer both a level and not applicable, a submitted assessment
	 * without its time.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<FieldProblem> check(String team, List<AssessmentData> assessments, String path) {
		TeamRef teamRef = team(team);
		Set<String> existing = new HashSet<>(jdbc.sql("""
				select q.label from assessment a join quarter q on q.id = a.quarter_id where a.team_id = ?""")
			.param(teamRef.id())
			.query(String.class)
			.list());
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> quarters = new HashSet<>();
		for (int i = 0; i < assessments.size(); i++) {
			AssessmentData assessment = assessments.get(i);
			String at = path + "[" + i + "]";
			String label = assessment.quarter().label();
			if (!quarters.add(label)) {
				problems.add(new FieldProblem(at + ".quarter.label", "exchange.quarter.twice", label));
			}
			else if (existing.contains(label)) {
				problems.add(new FieldProblem(at + ".quarter.label", "exchange.quarter.assessed", label));
			}
			LocalDate opens = assessment.quarter().opensOn();
			LocalDate due = assessment.quarter().dueOn();
			if (outOfRange(opens) || outOfRange(due)) {
				problems.add(new FieldProblem(at + ".quarter", "quarter.date.outOfRange",
						Quarters.EARLIEST_DATE.toString(), Quarters.LATEST_DATE.toString()));
			}
			else if (due.isBefore(opens)) {
				problems.add(new FieldProblem(at + ".quarter.dueOn", "exchange.quarter.dueBeforeOpening", label));
			}
			if (assessment.status() == AssessmentStatus.SUBMITTED && assessment.submittedAt() == null) {
				problems.add(new FieldProblem(at + ".submittedAt", "exchange.submittedAt.required"));
			}
			Optional<ModelVersion> version = catalog.storedVersion(assessment.modelVersion());
			if (version.isEmpty()) {
				problems.add(new FieldProblem(at + ".modelVersion", "exchange.modelVersion.unknown",
						assessment.modelVersion()));
				continue;
			}
			MaturityModel model = version.get().model();
			Set<String> questions = new HashSet<>();
			for (int j = 0; j < assessment.answers().size(); j++) {
				AnswerData answer = assessment.answers().get(j);
				String answerAt = at + ".answers[" + j + "]";
				if (model.question(answer.question()).isEmpty()) {
					problems.add(new FieldProblem(answerAt + ".question", "exchange.question.unknown",
							answer.question(), model.id()));
				}
				else if (!questions.add(answer.question())) {
					problems
						.add(new FieldProblem(answerAt + ".question", "exchange.question.twice", answer.question()));
				}
				if (answer.level() != null && answer.notApplicable()) {
					problems.add(new FieldProblem(answerAt, "assessment.answer.both"));
				}
				TextRules.problem(answerAt + ".comment", answer.comment()).ifPresent(problems::add);
			}
			Set<String> aspects = new HashSet<>();
			for (int j = 0; j < assessment.targets().size(); j++) {
				TargetData target = assessment.targets().get(j);
				String targetAt = at + ".targets[" + j + "]";
				if (model.aspect(target.aspect()).isEmpty()) {
					problems.add(new FieldProblem(targetAt + ".aspect", "exchange.aspect.unknown", target.aspect(),
							model.id()));
				}
				else if (!aspects.add(target.aspect())) {
					problems.add(new FieldProblem(targetAt + ".aspect", "exchange.aspect.twice", target.aspect()));
				}
			}
		}
		return problems;
	}

	/**
	 * Writes assessments that {@link #check} found nothing wrong with, in the caller's
	 * transaction: quarters the installation lacks (closed), every answer and target row,
	 * the history (imported, and submitted where it was), and the kept figures.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void load(String team, List<AssessmentData> assessments, long personId) {
		TeamRef teamRef = team(team);
		Map<String, Long> people = people(assessments);
		List<Long> ids = new ArrayList<>();
		for (AssessmentData assessment : assessments) {
			ModelVersion version = catalog.storedVersion(assessment.modelVersion()).orElseThrow();
			long quarterId = quarter(assessment.quarter());
			boolean submitted = assessment.status() == AssessmentStatus.SUBMITTED;
			long id = jdbc.sql("""
					insert into assessment (team_id, quarter_id, model_version_id, status, created_by, submitted_at,
					    submitted_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(teamRef.id(), quarterId, version.databaseId(), assessment.status().name(), personId,
						new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
								submitted ? timestamp(assessment.submittedAt()) : null),
						new SqlParameterValue(Types.BIGINT, submitted ? people.get(assessment.submittedBy()) : null))
				.query(Long.class)
				.single();
			ids.add(id);
			Map<String, AnswerData> answers = new HashMap<>();
			assessment.answers().forEach(answer -> answers.put(answer.question(), answer));
			for (MaturityModel.Aspect aspect : version.model().aspects()) {
				for (MaturityModel.Question question : aspect.questions()) {
					AnswerData answer = answers.get(question.id());
					jdbc.sql(
							"""
									insert into answer (assessment_id, question_id, level, not_applicable, comment, carried_over,
									    imported, updated_at, updated_by)
									values (?, ?, ?, ?, ?, ?, ?, coalesce(?, now()), ?)""")
						.params(id, version.questionIds().get(question.id()),
								new SqlParameterValue(Types.SMALLINT, answer == null ? null : answer.level()),
								answer != null && answer.notApplicable(),
								new SqlParameterValue(Types.VARCHAR,
										answer == null ? null : blankAsNull(answer.comment())),
								answer != null && answer.carriedOver(),
								answer != null && answer.carriedOver() && answer.imported(),
								new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
										answer == null ? null : timestamp(answer.updatedAt())),
								new SqlParameterValue(Types.BIGINT,
										answer == null ? null : people.get(answer.updatedBy())))
						.update();
				}
			}
			Map<String, Integer> targets = new HashMap<>();
			assessment.targets().forEach(target -> targets.put(target.aspect(), target.level()));
			for (MaturityModel.Aspect aspect : version.model().aspects()) {
				jdbc.sql("insert into target (assessment_id, aspect_id, level, updated_by) values (?, ?, ?, ?)")
					.params(id, version.aspectIds().get(aspect.key()),
							new SqlParameterValue(Types.SMALLINT, targets.get(aspect.key())), personId)
					.update();
			}
			List<AssessmentRows.Event> events = new ArrayList<>();
			events.add(new AssessmentRows.Event(AssessmentEvent.Kind.IMPORT, null, null, null, null));
			if (submitted) {
				events.add(new AssessmentRows.Event(AssessmentEvent.Kind.SUBMIT, null, null, null, null));
			}
			rows.addEvents(id, events, personId);
		}
		rows.recountFigures(ids);
	}

	/**
	 * The ids of the people named in the assessments that this installation knows, by
	 * username.
	 */
	private Map<String, Long> people(Collection<AssessmentData> assessments) {
		Set<String> usernames = new HashSet<>();
		for (AssessmentData assessment : assessments) {
			usernames.add(assessment.submittedBy());
			assessment.answers().forEach(answer -> usernames.add(answer.updatedBy()));
		}
		usernames.remove(null);
		Map<String, Long> ids = new HashMap<>();
		accounts.findByUsernames(usernames).forEach((username, person) -> ids.put(username, person.id()));
		return ids;
	}

	/**
	 * The quarter's id; a quarter this installation lacks is created, closed, with the
	 * dates given.
	 */
	private long quarter(QuarterData quarter) {
		return jdbc.sql("select id from quarter where label = ?")
			.param(quarter.label())
			.query(Long.class)
			.optional()
			.orElseGet(() -> jdbc.sql("""
					insert into quarter (label, opens_on, due_on, state) values (?, ?, ?, 'CLOSED') returning id""")
				.params(quarter.label(), quarter.opensOn(), quarter.dueOn())
				.query(Long.class)
				.single());
	}

	private TeamRef team(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> new TeamNotFoundException(slug));
	}

	private static boolean outOfRange(LocalDate date) {
		return date.isBefore(Quarters.EARLIEST_DATE) || date.isAfter(Quarters.LATEST_DATE);
	}

	private static String blankAsNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
