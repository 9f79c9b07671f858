package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;

/**
 * Reads the figures assessments keep ({@link AssessmentTally}), each with one query
 * whatever the number of teams. In SQL they are the columns {@code answered_count},
 * {@code reviewed_count} and {@code carried_over_count} of {@code assessment} and the
 * rows of {@code assessment_aspect_score} ({@code level_sum}, {@code level_count}).
 */
@Service
public class AssessmentTallies {

	private static final String SELECT = """
			select a.id, a.team_id, a.quarter_id, a.status, a.model_version_id, a.answered_count, a.reviewed_count,
			       a.carried_over_count, asp.key as aspect, s.level_sum, s.level_count
			from assessment a
			join assessment_aspect_score s on s.assessment_id = a.id
			join aspect asp on asp.id = s.aspect_id
			""";

	private final JdbcClient jdbc;

	private final ModelCatalog catalog;

	AssessmentTallies(JdbcClient jdbc, ModelCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** Every started assessment of a quarter, by team id. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('LEAD')")
	public Map<Long, AssessmentTally> ofQuarter(long quarterId) {
		Map<Long, AssessmentTally> byTeam = new LinkedHashMap<>();
		read(SELECT + "where a.quarter_id = :quarter order by a.team_id, asp.position", "quarter", quarterId)
			.forEach(tally -> byTeam.put(tally.teamId(), tally));
		return byTeam;
	}

	/** The team's started assessments, by quarter id. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public Map<Long, AssessmentTally> ofTeam(String team) {
		Map<Long, AssessmentTally> byQuarter = new LinkedHashMap<>();
		read(SELECT + "join team t on t.id = a.team_id where t.slug = :team order by a.quarter_id, asp.position",
				"team", team)
			.forEach(tally -> byQuarter.put(tally.quarterId(), tally));
		return byQuarter;
	}

	private record Row(long id, long teamId, long quarterId, AssessmentStatus status, long modelVersionId, int answered,
			int reviewed, int carriedOver, String aspect, AssessmentTally.AspectTally tally) {
	}

	/** The rows come one per assessment and aspect, ordered by assessment. */
	private List<AssessmentTally> read(String sql, String parameter, Object value) {
		List<Row> rows = jdbc.sql(sql)
			.param(parameter, value)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("quarter_id"),
					AssessmentStatus.valueOf(rs.getString("status")), rs.getLong("model_version_id"),
					rs.getInt("answered_count"), rs.getInt("reviewed_count"), rs.getInt("carried_over_count"),
					rs.getString("aspect"),
					new AssessmentTally.AspectTally(rs.getInt("level_sum"), rs.getInt("level_count"))))
			.list();
		List<AssessmentTally> tallies = new ArrayList<>();
		int first = 0;
		while (first < rows.size()) {
			Row head = rows.get(first);
			Map<String, AssessmentTally.AspectTally> aspects = new LinkedHashMap<>();
			int next = first;
			while (next < rows.size() && rows.get(next).id() == head.id()) {
				aspects.put(rows.get(next).aspect(), rows.get(next).tally());
				next++;
			}
			tallies.add(new AssessmentTally(head.id(), head.teamId(), head.quarterId(), head.status(),
					catalog.versionById(head.modelVersionId()).questionCount(), head.answered(), head.reviewed(),
					head.carriedOver(), aspects));
			first = next;
		}
		return tallies;
	}

}
