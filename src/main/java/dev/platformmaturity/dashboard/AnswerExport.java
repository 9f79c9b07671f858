package dev.platformmaturity.dashboard;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every answer of a quarter's assessments, in one streamed query, for the raw-answers CSV
 * (null: an empty cell).
 */
@Service
@PreAuthorize("hasRole('LEAD')")
class AnswerExport {

	private final JdbcClient jdbc;

	AnswerExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	void each(long quarterId, Long groupId, Consumer<List<Object>> row) {
		jdbc.sql(
				"""
						select t.slug, t.name as team_name, g.name as group_name, qu.label, asp.key as aspect, q.key as question,
						       an.level, an.not_applicable, an.comment, p.display_name, an.updated_at
						from assessment a
						join team t on t.id = a.team_id
						join team_group g on g.id = t.group_id
						join quarter qu on qu.id = a.quarter_id
						join answer an on an.assessment_id = a.id
						join question q on q.id = an.question_id
						join aspect asp on asp.id = q.aspect_id
						left join person p on p.id = an.updated_by
						where a.quarter_id = :quarter and t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
						  and (an.level is not null or an.not_applicable or an.comment is not null)
						order by lower(g.name), lower(t.name), asp.position, q.position""")
			.param("quarter", quarterId)
			.param("groupId", groupId)
			.withFetchSize(500)
			.query(rs -> {
				OffsetDateTime at = rs.getObject("updated_at", OffsetDateTime.class);
				row.accept(Arrays.asList(rs.getString("slug"), rs.getString("team_name"), rs.getString("group_name"),
						rs.getString("label"), rs.getString("aspect"), rs.getString("question"),
						rs.getObject("level", Integer.class), rs.getBoolean("not_applicable"), rs.getString("comment"),
						rs.getString("display_name"), at == null ? null : at.toInstant().toString()));
			});
	}

}
