package dev.platformmaturity.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.platformmaturity.team.TeamAccess;

/**
 * The SQL that changes assessments. Every change first locks the assessment's row
 * ({@code for no key update}) and holds it to the end of its transaction, so saves,
 * target changes, confirmations, submission and reopening of one assessment happen one
 * after the other and each sees the state the previous one left; answers and targets also
 * keep their own version, which an edit must name. Changes of answers keep the
 * assessment's figures ({@code answered_count}, {@code reviewed_count},
 * {@code carried_over_count} and {@code assessment_aspect_score}) up to date in the same
 * transaction.
 */
@Repository
class AssessmentRows {

	private final JdbcClient jdbc;

	AssessmentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many of an assessment's answers are answered, reviewed and carried over. */
	record Counts(int answered, int reviewed, int carriedOver) {
	}

	/** An assessment, locked. */
	record Locked(long id, long teamId, long modelVersionId, AssessmentStatus status, QuarterState quarterState,
			String quarterLabel) {
	}

	/**
	 * An answer as saved, with what a save checks: whether the caller may change the
	 * team's answers, the quarter's state, the assessment's status; the caller's name,
	 * for the answer after the save; the assessment's counts.
	 */
	record LockedAnswer(Locked assessment, boolean mayEdit, long aspectId, long answerId, AnswerState answer,
			String callerName, Counts counts) {
	}

	private static final String LOCK = """
			select a.id, a.team_id, a.model_version_id, a.status, q.state as quarter_state, q.label as quarter_label
			from team t
			join quarter q on q.label = :quarter
			join assessment a on a.team_id = t.id and a.quarter_id = q.id
			where t.slug = :team
			for no key update of a""";

	Optional<Locked> lock(String team, String quarter) {
		return jdbc.sql(LOCK).param("team", team).param("quarter", quarter).query((rs, n) -> locked(rs)).optional();
	}

	/**
	 * The one query of a save before it writes: locks the assessment and reads the answer
	 * with everything the save checks. Empty when the team, the quarter, the assessment
	 * or the question does not exist.
	 */
	Optional<LockedAnswer> lockAnswer(String team, String quarter, String question, long personId,
			boolean editsEveryTeam) {
		return jdbc.sql("""
				select a.id, a.team_id, a.model_version_id, a.status, q.state as quarter_state,
				       q.label as quarter_label,
				       (:editsEveryTeam or %s) as may_edit,
				       qu.aspect_id, an.id as answer_id, an.level, an.not_applicable, an.comment, an.carried_over,
				       an.imported, an.version, an.updated_at, updater.display_name as updated_by,
				       (select display_name from person where id = :person) as caller_name,
				       a.answered_count, a.reviewed_count, a.carried_over_count
				from team t
				join quarter q on q.label = :quarter
				join assessment a on a.team_id = t.id and a.quarter_id = q.id
				join question qu on qu.model_version_id = a.model_version_id and qu.key = :question
				join answer an on an.assessment_id = a.id and an.question_id = qu.id
				left join person updater on updater.id = an.updated_by
				where t.slug = :team
				for no key update of a""".formatted(TeamAccess.MEMBER_OF_TEAM))
			.param("team", team)
			.param("quarter", quarter)
			.param("question", question)
			.param("person", personId)
			.param("editsEveryTeam", editsEveryTeam)
			.query((rs, n) -> new LockedAnswer(locked(rs), rs.getBoolean("may_edit"), rs.getLong("aspect_id"),
					rs.getLong("answer_id"), answer(question, rs), rs.getString("caller_name"), counts(rs)))
			.optional();
	}

	/** The answer as it is now, for a conflict. */
	AnswerState answer(long assessmentId, String question) {
		return jdbc.sql("""
				select an.level, an.not_applicable, an.comment, an.carried_over, an.imported, an.version,
				       an.updated_at, p.display_name as updated_by
				from answer an
				join question qu on qu.id = an.question_id
				left join person p on p.id = an.updated_by
				where an.assessment_id = :assessment and qu.key = :question""")
			.param("assessment", assessmentId)
			.param("question", question)
			.query((rs, n) -> answer(question, rs))
			.single();
	}

	/**
	 * The answer's new state and version, unless its version is no longer
	 * {@code expectedVersion}.
	 */
	record Changed(long version, Instant at) {
	}

	/** A change of one answer, expected at {@code expectedVersion}. */
	record AnswerWrite(long answerId, long expectedVersion, Integer level, boolean notApplicable, String comment) {
	}

	/**
	 * The answer's new version and time, and the assessment's counts after the change.
	 */
	record Written(Changed changed, Counts counts) {
	}

	/**
	 * Writes a save in one statement: the answer (unless its version is no longer the
	 * expected one), its history events and the kept figures moved by {@code figures}.
	 * Empty, with nothing written, when the version moved on: every part after the answer
	 * happens only when the answer changed.
	 */
	Optional<Written> writeAnswer(long assessmentId, long aspectId, AnswerWrite write, List<Event> events,
			FigureChange figures, long personId) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder sql = new StringBuilder("""
				with changed as (
				    update answer set level = :level, not_applicable = :notApplicable, comment = :comment,
				        carried_over = false, updated_by = :person, updated_at = now(), version = version + 1
				    where id = :id and version = :version
				    returning version, updated_at)""");
		if (!events.isEmpty()) {
			List<String> rows = new ArrayList<>();
			for (int i = 0; i < events.size(); i++) {
				Event event = events.get(i);
				rows.add(("(cast(:kind%1$d as text), cast(:subject%1$d as text), cast(:old%1$d as text),"
						+ " cast(:new%1$d as text), cast(:reason%1$d as text))")
					.formatted(i));
				parameters.put("kind" + i, event.kind().name());
				parameters.put("subject" + i, event.subject());
				parameters.put("old" + i, event.oldValue());
				parameters.put("new" + i, event.newValue());
				parameters.put("reason" + i, event.reason());
			}
			sql.append("""
					,
					events as (
					    insert into assessment_event (assessment_id, kind, subject, old_value, new_value, reason,
					        changed_by, changed_at)
					    select :assessment, e.kind, e.subject, e.old_value, e.new_value, e.reason, :person, now()
					    from (values %s) as e (kind, subject, old_value, new_value, reason)
					    where exists (select 1 from changed))""".formatted(String.join(", ", rows)));
		}
		sql.append(",\n").append(MOVE_FIGURES.formatted(" and exists (select 1 from changed)")).append("""

				select c.version, c.updated_at, f.answered_count, f.reviewed_count, f.carried_over_count
				from changed c cross join figures f""");
		var statement = jdbc.sql(sql.toString());
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue(), Types.VARCHAR);
		}
		return figureParameters(statement, assessmentId, aspectId, figures)
			.param("level", write.level(), Types.SMALLINT)
			.param("notApplicable", write.notApplicable())
			.param("comment", write.comment(), Types.VARCHAR)
			.param("person", personId)
			.param("id", write.answerId())
			.param("version", write.expectedVersion())
			.query((rs, n) -> new Written(new Changed(rs.getLong("version"), instant(rs, "updated_at")), counts(rs)))
			.optional();
	}

	record Event(AssessmentEvent.Kind kind, String subject, String oldValue, String newValue, String reason) {
	}

	void addEvents(long assessmentId, List<Event> events, long personId) {
		if (events.isEmpty()) {
			return;
		}
		List<String> rows = new ArrayList<>();
		List<SqlParameterValue> values = new ArrayList<>();
		for (Event event : events) {
			rows.add("(?, ?, ?, ?, ?, ?, ?, now())");
			values.add(new SqlParameterValue(Types.BIGINT, assessmentId));
			values.add(new SqlParameterValue(Types.VARCHAR, event.kind().name()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.subject()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.oldValue()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.newValue()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.reason()));
			values.add(new SqlParameterValue(Types.BIGINT, personId));
		}
		jdbc.sql("insert into assessment_event (assessment_id, kind, subject, old_value, new_value, reason, changed_by,"
				+ " changed_at) values " + String.join(", ", rows))
			.params(values)
			.update();
	}

	/**
	 * Adds a change of answers to the assessment's figures, in one statement, and marks
	 * the assessment changed.
	 * @return the assessment's counts after the change
	 */
	Counts addToFigures(long assessmentId, long aspectId, FigureChange change) {
		return figureParameters(
				jdbc.sql("with " + MOVE_FIGURES.formatted("")
						+ "\nselect answered_count, reviewed_count, carried_over_count from figures"),
				assessmentId, aspectId, change)
			.query((rs, n) -> counts(rs))
			.single();
	}

	/**
	 * Two common table expressions that move the kept figures of an assessment by a
	 * {@link FigureChange}: the aspect's sum and count of answered levels, and the
	 * assessment's counts ({@code figures}, returning them). {@code %1$s} adds a
	 * condition to both.
	 */
	private static final String MOVE_FIGURES = """
			aspect_score as (
			    update assessment_aspect_score
			    set level_sum = level_sum + :levelSum, level_count = level_count + :levelCount
			    where assessment_id = :assessment and aspect_id = :aspect and (:levelSum <> 0 or :levelCount <> 0)%1$s),
			figures as (
			    update assessment
			    set updated_at = now(), answered_count = answered_count + :answered,
			        reviewed_count = reviewed_count + :reviewed, carried_over_count = carried_over_count + :carriedOver
			    where id = :assessment%1$s
			    returning answered_count, reviewed_count, carried_over_count)""";

	private static JdbcClient.StatementSpec figureParameters(JdbcClient.StatementSpec statement, long assessmentId,
			long aspectId, FigureChange change) {
		return statement.param("assessment", assessmentId)
			.param("aspect", aspectId)
			.param("levelSum", change.levelSum())
			.param("levelCount", change.levelCount())
			.param("answered", change.answered())
			.param("reviewed", change.reviewed())
			.param("carriedOver", change.carriedOver());
	}

	/**
	 * Computes the assessments' figures again from their answers, for changes of many
	 * answers at once: a start, a confirmation of an aspect, an import.
	 */
	void recountFigures(Collection<Long> assessmentIds) {
		if (assessmentIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into assessment_aspect_score (assessment_id, aspect_id, level_sum, level_count)
				select a.id, asp.id, coalesce(sum(an.level), 0), count(an.level)
				from assessment a
				join aspect asp on asp.model_version_id = a.model_version_id
				left join question qu on qu.aspect_id = asp.id
				left join answer an on an.assessment_id = a.id and an.question_id = qu.id
				where a.id in (:ids)
				group by a.id, asp.id
				on conflict (assessment_id, aspect_id)
				do update set level_sum = excluded.level_sum, level_count = excluded.level_count""")
			.param("ids", assessmentIds)
			.update();
		jdbc.sql("""
				update assessment a
				set answered_count = c.answered, reviewed_count = c.reviewed, carried_over_count = c.carried_over
				from (select assessment_id,
				             count(*) filter (where level is not null or not_applicable) as answered,
				             count(*) filter (where (level is not null or not_applicable) and not carried_over)
				                 as reviewed,
				             count(*) filter (where carried_over) as carried_over
				      from answer
				      where assessment_id in (:ids)
				      group by assessment_id) c
				where c.assessment_id = a.id""").param("ids", assessmentIds).update();
	}

	Counts counts(long assessmentId) {
		return jdbc.sql("select answered_count, reviewed_count, carried_over_count from assessment where id = ?")
			.param(assessmentId)
			.query((rs, n) -> counts(rs))
			.single();
	}

	/**
	 * Creates the assessment unless someone else just did; waits for theirs to be
	 * committed in that case.
	 */
	OptionalLong create(long teamId, long quarterId, long modelVersionId, long personId) {
		return jdbc.sql("""
				insert into assessment (team_id, quarter_id, model_version_id, created_by)
				values (:team, :quarter, :version, :person)
				on conflict (team_id, quarter_id) do nothing
				returning id""")
			.param("team", teamId)
			.param("quarter", quarterId)
			.param("version", modelVersionId)
			.param("person", personId)
			.query(Long.class)
			.optional()
			.map(OptionalLong::of)
			.orElse(OptionalLong.empty());
	}

	/**
	 * The team's assessment of the latest quarter before {@code quarterLabel}: its id and
	 * quarter.
	 */
	record Previous(long id, String quarterLabel) {
	}

	Optional<Previous> previous(long teamId, String quarterLabel) {
		return jdbc.sql("""
				select a.id, q.label from assessment a join quarter q on q.id = a.quarter_id
				where a.team_id = :team and q.label < :label
				order by q.label desc
				limit 1""")
			.param("team", teamId)
			.param("label", quarterLabel)
			.query((rs, n) -> new Previous(rs.getLong("id"), rs.getString("label")))
			.optional();
	}

	/**
	 * Creates every answer and target of a new assessment, carrying over the previous
	 * assessment's answers, comments and targets, matched by question and aspect key (the
	 * previous one may use another model version).
	 */
	void carryOver(long assessmentId, long modelVersionId, Long previousId) {
		jdbc.sql("""
				insert into answer (assessment_id, question_id, level, not_applicable, comment, carried_over)
				select :assessment, qu.id, prev.level, coalesce(prev.not_applicable, false), prev.comment,
				       coalesce(prev.level is not null or prev.not_applicable or prev.comment is not null, false)
				from question qu
				left join (select pq.key, pa.level, pa.not_applicable, pa.comment
				           from answer pa join question pq on pq.id = pa.question_id
				           where pa.assessment_id = :previous) prev on prev.key = qu.key
				where qu.model_version_id = :version""")
			.param("assessment", assessmentId)
			.param("previous", previousId, Types.BIGINT)
			.param("version", modelVersionId)
			.update();
		jdbc.sql("""
				insert into target (assessment_id, aspect_id, level)
				select :assessment, asp.id, prev.level
				from aspect asp
				left join (select pasp.key, pt.level
				           from target pt join aspect pasp on pasp.id = pt.aspect_id
				           where pt.assessment_id = :previous) prev on prev.key = asp.key
				where asp.model_version_id = :version""")
			.param("assessment", assessmentId)
			.param("previous", previousId, Types.BIGINT)
			.param("version", modelVersionId)
			.update();
	}

	/**
	 * Confirms every carried-over answer of one aspect; the answers confirmed, by
	 * question key.
	 */
	List<AnswerState> confirmCarriedOver(long assessmentId, long aspectId, long personId) {
		return jdbc.sql("""
				with confirmed as (
				    update answer an set carried_over = false, updated_by = :person, updated_at = now(),
				        version = an.version + 1
				    from question qu
				    where qu.id = an.question_id and qu.aspect_id = :aspect and an.assessment_id = :assessment
				      and an.carried_over
				    returning qu.key, qu.position, an.level, an.not_applicable, an.comment, an.carried_over,
				              an.imported, an.version, an.updated_at)
				select c.*, (select display_name from person where id = :person) as updated_by
				from confirmed c order by c.position""")
			.param("assessment", assessmentId)
			.param("aspect", aspectId)
			.param("person", personId)
			.query((rs, n) -> answer(rs.getString("key"), rs))
			.list();
	}

	/** An answer with its row id, for changes of many answers at once. */
	record AnswerRow(long id, AnswerState answer) {
	}

	/** Every answer of the assessment by question key. */
	Map<String, AnswerRow> answers(long assessmentId) {
		Map<String, AnswerRow> answers = new LinkedHashMap<>();
		jdbc.sql("""
				select an.id, qu.key, an.level, an.not_applicable, an.comment, an.carried_over, an.imported, an.version,
				       an.updated_at, p.display_name as updated_by
				from answer an
				join question qu on qu.id = an.question_id
				left join person p on p.id = an.updated_by
				where an.assessment_id = ?
				order by qu.position""").param(assessmentId).query(rs -> {
			answers.put(rs.getString("key"), new AnswerRow(rs.getLong("id"), answer(rs.getString("key"), rs)));
		});
		return answers;
	}

	/**
	 * Pre-fills an answer with an imported level, to review: carried over (so not
	 * reviewed until someone confirms or changes it) and marked imported. The caller
	 * recounts the assessment's figures.
	 */
	void importAnswer(long answerId, int level, long personId) {
		jdbc.sql("""
				update answer set level = :level, not_applicable = false, carried_over = true, imported = true,
				    updated_by = :person, updated_at = now(), version = version + 1
				where id = :id""")
			.param("level", level, Types.SMALLINT)
			.param("person", personId)
			.param("id", answerId)
			.update();
	}

	/** A target as saved. */
	record TargetRow(Integer level, long version) {
	}

	Optional<TargetRow> target(long assessmentId, long aspectId) {
		return jdbc.sql("select level, version from target where assessment_id = ? and aspect_id = ?")
			.params(assessmentId, aspectId)
			.query((rs, n) -> new TargetRow(rs.getObject("level", Integer.class), rs.getLong("version")))
			.optional();
	}

	Optional<TargetRow> changeTarget(long assessmentId, long aspectId, long expectedVersion, Integer level,
			long personId) {
		return jdbc.sql("""
				update target set level = :level, updated_by = :person, updated_at = now(), version = version + 1
				where assessment_id = :assessment and aspect_id = :aspect and version = :version
				returning level, version""")
			.param("level", level, Types.SMALLINT)
			.param("person", personId)
			.param("assessment", assessmentId)
			.param("aspect", aspectId)
			.param("version", expectedVersion)
			.query((rs, n) -> new TargetRow(rs.getObject("level", Integer.class), rs.getLong("version")))
			.optional();
	}

	void submit(long assessmentId, long personId) {
		jdbc.sql("""
				update assessment set status = 'SUBMITTED', submitted_at = now(), submitted_by = ?, updated_at = now(),
				    version = version + 1
				where id = ?""").params(personId, assessmentId).update();
	}

	void reopen(long assessmentId) {
		jdbc.sql("""
				update assessment set status = 'IN_PROGRESS', submitted_at = null, submitted_by = null,
				    updated_at = now(), version = version + 1
				where id = ?""").param(assessmentId).update();
	}

	void touch(long assessmentId) {
		jdbc.sql("update assessment set updated_at = now() where id = ?").param(assessmentId).update();
	}

	private static Locked locked(ResultSet rs) throws SQLException {
		return new Locked(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("model_version_id"),
				AssessmentStatus.valueOf(rs.getString("status")), QuarterState.valueOf(rs.getString("quarter_state")),
				rs.getString("quarter_label"));
	}

	private static AnswerState answer(String question, ResultSet rs) throws SQLException {
		return new AnswerState(question, rs.getObject("level", Integer.class), rs.getBoolean("not_applicable"),
				rs.getString("comment"), rs.getBoolean("carried_over"), rs.getLong("version"),
				instant(rs, "updated_at"), rs.getString("updated_by"), rs.getBoolean("imported"));
	}

	private static Counts counts(ResultSet rs) throws SQLException {
		return new Counts(rs.getInt("answered_count"), rs.getInt("reviewed_count"), rs.getInt("carried_over_count"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
