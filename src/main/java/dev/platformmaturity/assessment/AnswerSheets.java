package dev.platformmaturity.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.team.TeamRef;

/**
 * What the answering page reads, in two statements: the team, the quarter, the assessment
 * and whether the caller may change the team's answers; then the assessment's answers and
 * targets. The web layer has checked that the caller may read the team before; the page
 * shows the answers only to those who may change them. The model's texts come from memory
 * ({@link ModelCatalog}).
 */
@Repository
class AnswerSheets {

	private final JdbcClient jdbc;

	private final ModelCatalog catalog;

	AnswerSheets(JdbcClient jdbc, ModelCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** The assessment as it stands, and whether the caller may change it. */
	record AnswerSheet(AssessmentSnapshot state, boolean mayEdit) {
	}

	private record Head(TeamRef team, QuarterInfo quarter, Long assessmentId, AssessmentStatus status,
			long modelVersionId, Instant submittedAt, String submittedBy, Instant updatedAt, boolean mayEdit) {
	}

	/** Empty when the team or the quarter does not exist. */
	Optional<AnswerSheet> read(String team, String quarter, long personId, boolean editsEveryTeam) {
		Optional<Head> found = jdbc.sql("""
				select t.id as team_id, t.slug, t.name as team_name, t.group_id, g.name as group_name, t.enabled,
				       q.id as quarter_id, q.label, q.opens_on, q.due_on, q.state as quarter_state,
				       a.id as assessment_id, a.status, a.model_version_id, a.submitted_at,
				       submitter.display_name as submitted_by, a.updated_at,
				       (:editsEveryTeam or (t.enabled and exists (select 1 from membership m
				            where m.team_id = t.id and m.person_id = :person))) as may_edit
				from team t
				join team_group g on g.id = t.group_id
				join quarter q on q.label = :quarter
				left join assessment a on a.team_id = t.id and a.quarter_id = q.id
				left join person submitter on submitter.id = a.submitted_by
				where t.slug = :team""")
			.param("team", team)
			.param("quarter", quarter)
			.param("person", personId)
			.param("editsEveryTeam", editsEveryTeam)
			.query((rs, n) -> head(rs))
			.optional();
		return found.map(this::sheet);
	}

	private AnswerSheet sheet(Head head) {
		if (head.assessmentId() == null) {
			return new AnswerSheet(new AssessmentSnapshot(head.team(), head.quarter(), AssessmentStatus.NOT_STARTED,
					catalog.currentVersion(), Map.of(), Map.of(), null, null, null), head.mayEdit());
		}
		ModelVersion version = catalog.versionById(head.modelVersionId());
		Map<String, AnswerState> answers = new LinkedHashMap<>();
		Map<String, TargetState> targets = new LinkedHashMap<>();
		jdbc.sql("""
				select true as is_answer, qu.key, an.level, an.not_applicable, an.comment, an.carried_over, an.version,
				       an.updated_at, updater.display_name as updated_by
				from answer an
				join question qu on qu.id = an.question_id
				left join person updater on updater.id = an.updated_by
				where an.assessment_id = :assessment
				union all
				select false, asp.key, t.level, false, null, false, t.version, t.updated_at, null
				from target t
				join aspect asp on asp.id = t.aspect_id
				where t.assessment_id = :assessment""").param("assessment", head.assessmentId()).query(rs -> {
			String key = rs.getString("key");
			Integer level = rs.getObject("level", Integer.class);
			if (rs.getBoolean("is_answer")) {
				answers.put(key,
						new AnswerState(key, level, rs.getBoolean("not_applicable"), rs.getString("comment"),
								rs.getBoolean("carried_over"), rs.getLong("version"), instant(rs, "updated_at"),
								rs.getString("updated_by")));
			}
			else {
				targets.put(key, new TargetState(key, level, rs.getLong("version")));
			}
		});
		return new AnswerSheet(new AssessmentSnapshot(head.team(), head.quarter(), head.status(), version, answers,
				targets, head.submittedAt(), head.submittedBy(), head.updatedAt()), head.mayEdit());
	}

	private static Head head(ResultSet rs) throws SQLException {
		TeamRef team = new TeamRef(rs.getLong("team_id"), rs.getString("slug"), rs.getString("team_name"),
				rs.getLong("group_id"), rs.getString("group_name"), rs.getBoolean("enabled"));
		QuarterInfo quarter = new QuarterInfo(rs.getLong("quarter_id"), rs.getString("label"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				QuarterState.valueOf(rs.getString("quarter_state")));
		Long assessmentId = rs.getObject("assessment_id", Long.class);
		return new Head(team, quarter, assessmentId,
				assessmentId == null ? AssessmentStatus.NOT_STARTED : AssessmentStatus.valueOf(rs.getString("status")),
				rs.getLong("model_version_id"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
				instant(rs, "updated_at"), rs.getBoolean("may_edit"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
