package dev.platformmaturity.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.assessment.AssessmentStatus;

/**
 * The platform leads' view of a quarter across teams, computed in PostgreSQL: a fixed number of statements per page,
 * whatever the number of teams. Scores follow the product's rule: the mean of the answered levels of an aspect,
 * not-applicable left out, rounded half-up to two decimals ({@code round(avg(level), 2)} on numeric is half away from
 * zero, the same for positive numbers); medians over teams are rounded the same way.
 */
@Service
@PreAuthorize("hasRole('LEAD')")
public class Dashboards {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Per team of the quarter: its aspect scores as a JSON object; {@code %s} may narrow the assessments. */
	private static final String TEAM_SCORES_OF = """
			team_scores as (
			    select s.team_id, jsonb_object_agg(s.aspect, s.score) as scores
			    from (select a.team_id, asp.key as aspect, round(avg(an.level), 2) as score
			          from assessment a
			          join answer an on an.assessment_id = a.id
			          join question q on q.id = an.question_id
			          join aspect asp on asp.id = q.aspect_id
			          where a.quarter_id = :quarter%s and an.level is not null
			          group by a.team_id, asp.key) s
			    group by s.team_id)""";

	static final String TEAM_SCORES = TEAM_SCORES_OF.formatted("");

	/**
	 * The median of {@code score} in exact numeric arithmetic: the mean of the two middle values (the same value when
	 * their number is odd), rounded half-up to two decimals, as {@code Scoring.median} does.
	 */
	static final String MEDIAN = """
			round((percentile_disc(0.5) within group (order by score)
			       + percentile_disc(0.5) within group (order by score desc)) / 2, 2) as median
			""";

	private static final String PROGRESS_OF = """
			progress as (
			    select a.team_id, a.status, a.updated_at,
			           count(*) filter (where an.level is not null or an.not_applicable) as answered,
			           count(an.id) as questions
			    from assessment a left join answer an on an.assessment_id = a.id
			    where a.quarter_id = :quarter%s
			    group by a.id)""";

	static final String PROGRESS = PROGRESS_OF.formatted("");

	/** Scores and progress of the teams in the CTE {@code page} only, so a page costs what its teams cost. */
	private static final String PAGE_ONLY = " and a.team_id in (select id from page)";

	/** Enabled teams of the group (when one is given) whose name or slug contains the search; lines around it. */
	static final String TEAM_FILTER = "\n" + """
			t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
			  and (:search = '' or lower(t.name) like concat('%', :search, '%') escape '\\' or t.slug like concat('%', :search, '%') escape '\\')
			""";

	private final JdbcClient jdbc;

	Dashboards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record TeamRow(long id, String slug, String name, String group, AssessmentStatus status, int answered,
			int questions, Instant lastActivity, Map<String, BigDecimal> scores) {
	}

	public record Completion(long teams, long notStarted, long inProgress, long submitted) {
	}

	/** How the teams fall on the levels of one aspect: teams per level 1..4, teams without a score, and the median. */
	public record Distribution(String aspect, long[] perLevel, long noScore, BigDecimal median) {
	}

	public record Overview(List<TeamRow> teams, long matchingTeams, Completion completion, List<Distribution> distributions) {
	}

	/** One page of teams with their progress and scores, the completion of all matching teams, and the distributions. */
	@Transactional(readOnly = true)
	public Overview overview(long quarterId, Long groupId, String search, String sort, boolean descending, int page,
			int size, List<String> aspectKeys) {
		DashboardQuery query = new DashboardQuery(quarterId, groupId, search, sort, descending, page, size);
		List<TeamRow> rows = new ArrayList<>();
		long[] total = { 0 };
		jdbc.sql("with " + TEAM_SCORES + ", " + PROGRESS + """
				select t.id, t.slug, t.name, g.name as group_name, p.status, p.answered, p.questions, p.updated_at,
				       ts.scores, count(*) over () as matching
				from team t
				join team_group g on g.id = t.group_id
				left join progress p on p.team_id = t.id
				left join team_scores ts on ts.team_id = t.id
				where """ + TEAM_FILTER + " order by " + query.orderBy(aspectKeys) + " limit :size offset :offset")
			.param("quarter", quarterId)
			.param("groupId", groupId)
			.param("search", search)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(rs -> {
				total[0] = rs.getLong("matching");
				rows.add(row(rs));
			});
		Completion completion = completion(query);
		return new Overview(rows, total[0], completion, distributions(query, aspectKeys, completion.teams()));
	}

	/**
	 * One page of a quarter's teams, by group and name, for reports that go through all teams a page at a time: the
	 * page's teams are chosen first and only their answers are read, so the pages of a report together read each
	 * answer once.
	 */
	@Transactional(readOnly = true)
	public List<TeamRow> teamsPage(long quarterId, Long groupId, int page, int size) {
		List<TeamRow> rows = new ArrayList<>();
		jdbc.sql("with page as (select t.id from team t join team_group g on g.id = t.group_id where " + TEAM_FILTER
				+ " order by lower(g.name), lower(t.name), t.id limit :size offset :offset), "
				+ TEAM_SCORES_OF.formatted(PAGE_ONLY) + ", " + PROGRESS_OF.formatted(PAGE_ONLY) + """
				select t.id, t.slug, t.name, g.name as group_name, p.status, p.answered, p.questions, p.updated_at, ts.scores
				from page
				join team t on t.id = page.id
				join team_group g on g.id = t.group_id
				left join progress p on p.team_id = t.id
				left join team_scores ts on ts.team_id = t.id
				order by lower(g.name), lower(t.name), t.id""")
			.param("quarter", quarterId)
			.param("groupId", groupId)
			.param("search", "")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(rs -> {
				rows.add(row(rs));
			});
		return rows;
	}

	/** Every matching team (for CSV and the API), row by row, without holding them all in memory. */
	@Transactional(readOnly = true)
	public void eachTeam(long quarterId, Long groupId, Consumer<TeamRow> consumer) {
		jdbc.sql("with " + TEAM_SCORES + ", " + PROGRESS + """
				select t.id, t.slug, t.name, g.name as group_name, p.status, p.answered, p.questions, p.updated_at, ts.scores
				from team t
				join team_group g on g.id = t.group_id
				left join progress p on p.team_id = t.id
				left join team_scores ts on ts.team_id = t.id
				where """ + TEAM_FILTER + " order by lower(g.name), lower(t.name)")
			.param("quarter", quarterId)
			.param("groupId", groupId)
			.param("search", "")
			.query(rs -> {
				consumer.accept(row(rs));
			});
	}

	/** How many of the quarter's matching teams have not started, are in progress, have submitted. */
	@Transactional(readOnly = true)
	public Completion completion(long quarterId, Long groupId) {
		return completion(new DashboardQuery(quarterId, groupId, "", "team", false, 0, 0));
	}

	/** Per aspect of the quarter's matching teams: teams per level, teams without a score, the median. */
	@Transactional(readOnly = true)
	public List<Distribution> distributions(long quarterId, Long groupId, List<String> aspectKeys) {
		DashboardQuery query = new DashboardQuery(quarterId, groupId, "", "team", false, 0, 0);
		return distributions(query, aspectKeys, completion(query).teams());
	}

	private Completion completion(DashboardQuery query) {
		return jdbc.sql("with " + PROGRESS + """
				select count(*) as teams,
				       count(*) filter (where p.status is null) as not_started,
				       count(*) filter (where p.status = 'IN_PROGRESS') as in_progress,
				       count(*) filter (where p.status = 'SUBMITTED') as submitted
				from team t left join progress p on p.team_id = t.id
				where """ + TEAM_FILTER)
			.param("quarter", query.quarterId())
			.param("groupId", query.groupId())
			.param("search", query.search())
			.query((rs, n) -> new Completion(rs.getLong("teams"), rs.getLong("not_started"), rs.getLong("in_progress"),
					rs.getLong("submitted")))
			.single();
	}

	private List<Distribution> distributions(DashboardQuery query, List<String> aspectKeys, long teams) {
		Map<String, long[]> perLevel = new LinkedHashMap<>();
		Map<String, BigDecimal> medians = new LinkedHashMap<>();
		Map<String, Long> scored = new LinkedHashMap<>();
		aspectKeys.forEach(aspect -> perLevel.put(aspect, new long[4]));
		jdbc.sql("""
				with team_aspect as (
				    select a.team_id, asp.key as aspect, round(avg(an.level), 2) as score
				    from assessment a
				    join team t on t.id = a.team_id
				    join answer an on an.assessment_id = a.id
				    join question q on q.id = an.question_id
				    join aspect asp on asp.id = q.aspect_id
				    where a.quarter_id = :quarter and an.level is not null and """ + TEAM_FILTER + """
				    group by a.team_id, asp.key)
				select aspect,
				       count(*) filter (where floor(score) = 1) as l1, count(*) filter (where floor(score) = 2) as l2,
				       count(*) filter (where floor(score) = 3) as l3, count(*) filter (where floor(score) = 4) as l4,
				       count(*) as scored, """ + MEDIAN + """
				from team_aspect group by aspect""")
			.param("quarter", query.quarterId())
			.param("groupId", query.groupId())
			.param("search", query.search())
			.query(rs -> {
				String aspect = rs.getString("aspect");
				perLevel.put(aspect, new long[] { rs.getLong("l1"), rs.getLong("l2"), rs.getLong("l3"), rs.getLong("l4") });
				scored.put(aspect, rs.getLong("scored"));
				medians.put(aspect, rs.getBigDecimal("median"));
			});
		return aspectKeys.stream()
			.map(aspect -> new Distribution(aspect, perLevel.get(aspect), teams - scored.getOrDefault(aspect, 0L),
					medians.get(aspect)))
			.toList();
	}

	/** Per quarter (oldest first) and aspect, the median of the teams' scores, of a group or of all teams. */
	@Transactional(readOnly = true)
	public Map<String, Map<String, BigDecimal>> medianTrend(Long groupId) {
		Map<String, Map<String, BigDecimal>> trend = new LinkedHashMap<>();
		jdbc.sql("""
				with team_aspect as (
				    select a.quarter_id, a.team_id, asp.key as aspect, round(avg(an.level), 2) as score
				    from assessment a
				    join team t on t.id = a.team_id
				    join answer an on an.assessment_id = a.id
				    join question q on q.id = an.question_id
				    join aspect asp on asp.id = q.aspect_id
				    where an.level is not null and t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
				    group by a.quarter_id, a.team_id, asp.key)
				select qu.label, ta.aspect, """ + MEDIAN.replace("score", "ta.score") + """
				from team_aspect ta join quarter qu on qu.id = ta.quarter_id
				where qu.state <> 'PLANNED'
				group by qu.label, ta.aspect
				order by qu.label""")
			.param("groupId", groupId)
			.query(rs -> {
				trend.computeIfAbsent(rs.getString("label"), label -> new LinkedHashMap<>())
					.put(rs.getString("aspect"), rs.getBigDecimal("median"));
			});
		return trend;
	}

	private static TeamRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String status = rs.getString("status");
		String scores = rs.getString("scores");
		OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
		return new TeamRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("group_name"),
				status == null ? AssessmentStatus.NOT_STARTED : AssessmentStatus.valueOf(status), rs.getInt("answered"),
				rs.getInt("questions"), updated == null ? null : updated.toInstant(),
				scores == null ? Map.of() : JSON.readValue(scores, new TypeReference<Map<String, BigDecimal>>() {
				}));
	}

}
