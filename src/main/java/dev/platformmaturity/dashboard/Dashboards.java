package dev.platformmaturity.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.Overdue;
import dev.platformmaturity.model.ModelCatalog;

/**
 * The platform leads' view of a quarter across teams, read from the figures every
 * assessment keeps (its counts and the rows of {@code assessment_aspect_score}), never by
 * averaging answers again: a fixed number of statements per page, whatever the number of
 * teams. A score is {@code round(level_sum / level_count, 2)} (half-up, as
 * {@code Scoring.aspectScore}); medians over teams are rounded the same way.
 * <p>
 * Figures across teams are <em>final</em> by default: only submitted assessments count.
 * With {@link DashboardQuery#provisional()} in-progress assessments count too, and pages
 * draw them as provisional.
 * <p>
 * No query joins an aggregate over teams with another: per team, scores are correlated
 * subqueries on the primary key of {@code assessment_aspect_score}, so the planner cannot
 * pick nested loops over two per-team aggregates (which are quadratic in the number of
 * teams) from a bad row estimate.
 */
@Service
@PreAuthorize("hasRole('LEAD')")
public class Dashboards {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads the rows of {@link #FIGURES}' JSON arrays, whose keys are column names. */
	private static final JsonMapper FIGURES_JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	/**
	 * Whether an assessment (an alias) counts in the figures: submitted, or in progress
	 * when provisional ones do.
	 */
	static String counts(String assessment) {
		return "(%1$s.status = 'SUBMITTED' or (:provisional and %1$s.status = 'IN_PROGRESS'))".formatted(assessment);
	}

	/**
	 * The aspect scores of an assessment (an alias) as a JSON object by aspect key; null
	 * without any.
	 */
	private static String scoresOf(String assessment) {
		return """
				(select jsonb_object_agg(asp.key, round(s.level_sum::numeric / s.level_count, 2))
				 from assessment_aspect_score s join aspect asp on asp.id = s.aspect_id
				 where s.assessment_id = %s.id and s.level_count > 0)""".formatted(assessment);
	}

	/**
	 * The median of {@code score} in exact numeric arithmetic: the mean of the two middle
	 * values (the same value when their number is odd), rounded half-up to two decimals,
	 * as {@code Scoring.median} does.
	 */
	static final String MEDIAN = """
			round((percentile_disc(0.5) within group (order by score)
			       + percentile_disc(0.5) within group (order by score desc)) / 2, 2) as median
			""";

	/**
	 * Enabled teams of the group (when one is given) whose name or slug contains the
	 * search; lines around it.
	 */
	static final String TEAM_FILTER = "\n" + """
			t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
			  and (:search = '' or lower(t.name) like concat('%', :search, '%') escape '\\'
			       or t.slug like concat('%', :search, '%') escape '\\')
			""";

	/**
	 * Per scored aspect of the counted assessments of the quarter and the one before: the
	 * score.
	 */
	private static final String SCORED = """
			scored as (
			    select a.quarter_id, t.id as team_id, t.group_id, asp.key as aspect,
			           round(s.level_sum::numeric / s.level_count, 2) as score
			    from team t
			    join assessment a on a.team_id = t.id
			         and (a.quarter_id = :quarter or a.quarter_id = cast(:previous as bigint))
			    join assessment_aspect_score s on s.assessment_id = a.id and s.level_count > 0
			    join aspect asp on asp.id = s.aspect_id
			    where """ + TEAM_FILTER + " and " + counts("a") + ")\n";

	/**
	 * The one query of team rows: every matching team with its assessment of the quarter
	 * (when started), its counts, whether it is overdue, its scores, its scores of the
	 * quarter before and its targets.
	 */
	private static final String TEAM_ROWS = """
			select t.id, t.slug, t.name, g.name as group_name, a.status, a.model_version_id, a.answered_count,
			       a.reviewed_count, a.carried_over_count, a.updated_at, """ + Overdue.condition("q", "a", ":today")
			+ " as overdue,\n case when " + counts("a") + " then " + scoresOf("a") + " end as scores,\n case when "
			+ counts("pa") + " then " + scoresOf("pa")
			+ """
					end as previous,
					      (select jsonb_object_agg(asp.key, tg.level)
					       from target tg join aspect asp on asp.id = tg.aspect_id
					       where tg.assessment_id = a.id and tg.level is not null) as targets,
					      (select round(s.level_sum::numeric / s.level_count, 2)
					       from assessment_aspect_score s join aspect asp on asp.id = s.aspect_id
					       where cast(:sortAspect as text) is not null and s.assessment_id = a.id and asp.key = :sortAspect
					         and s.level_count > 0 and """
			+ counts("a") + """
					) as sort_score
					from team t
					join team_group g on g.id = t.group_id
					join quarter q on q.id = :quarter
					left join assessment a on a.team_id = t.id and a.quarter_id = q.id
					left join assessment pa on pa.team_id = t.id and pa.quarter_id = cast(:previous as bigint)
					where """ + TEAM_FILTER + " and (not :overdueOnly or " + Overdue.condition("q", "a", ":today")
			+ ")\n";

	/**
	 * How many of the quarter's matching teams there are, have not started, are in
	 * progress, have submitted, are overdue.
	 */
	private static final String COMPLETION = """
			select count(*) as teams,
			       count(*) filter (where a.id is null) as not_started,
			       count(*) filter (where a.status = 'IN_PROGRESS') as in_progress,
			       count(*) filter (where a.status = 'SUBMITTED') as submitted,
			       count(*) filter (where """ + Overdue.condition("q", "a", ":today") + """
			) as overdue
			from team t
			join quarter q on q.id = :quarter
			left join assessment a on a.team_id = t.id and a.quarter_id = q.id
			where """ + TEAM_FILTER;

	/**
	 * Every figure of the page but its team rows, in one statement and one row, so that
	 * the scored aspects ({@link #SCORED}) are read once (PostgreSQL materialises a CTE
	 * that is read more than once): the completion counts of all matching teams as
	 * columns, and as JSON arrays (numerics keep their scale in {@code jsonb}) the
	 * distributions per quarter and aspect, the groups' medians of the quarter (by group
	 * name) and the three biggest rises and falls since the quarter before (none without
	 * one).
	 */
	private static final String FIGURES = "with " + SCORED + """
			, completion as (""" + COMPLETION + """
			),
			distributions as (
			    select quarter_id, aspect,
			           count(*) filter (where floor(score) = 1) as l1, count(*) filter (where floor(score) = 2) as l2,
			           count(*) filter (where floor(score) = 3) as l3, count(*) filter (where floor(score) = 4) as l4,
			           count(*) as scored, min(score) as min, max(score) as max,
			           round(cast(percentile_cont(0.25) within group (order by score) as numeric), 2) as q1,
			           round(cast(percentile_cont(0.75) within group (order by score) as numeric), 2) as q3,
			           """ + MEDIAN + """
			    from scored group by quarter_id, aspect),
			group_medians as (
			    select g.id, g.name, s.aspect, count(*) as scored, """ + MEDIAN.replace("score", "s.score") + """
			    from scored s join team_group g on g.id = s.group_id
			    where s.quarter_id = :quarter
			    group by g.id, g.name, s.aspect),
			-- the scores of both quarters per team and aspect by grouping, not by joining scored with itself:
			-- in a generic plan (parameters unknown) the planner expects one row a side and nests two loops
			changes as (
			    select team_id, aspect, previous, score, score - previous as change
			    from (select team_id, aspect,
			                 min(score) filter (where quarter_id = cast(:previous as bigint)) as previous,
			                 min(score) filter (where quarter_id = :quarter) as score
			          from scored group by team_id, aspect) both_quarters
			    where score <> previous),
			moved as (
			    (select * from changes where change > 0 order by change desc, team_id limit 3)
			    union all
			    (select * from changes where change < 0 order by change, team_id limit 3)),
			movers as (
			    select t.slug, t.name, m.aspect, m.previous, m.score
			    from moved m join team t on t.id = m.team_id)
			select c.teams, c.not_started, c.in_progress, c.submitted, c.overdue,
			       (select jsonb_agg(d) from distributions d) as distributions,
			       (select jsonb_agg(gm order by lower(gm.name), gm.id) from group_medians gm) as groups,
			       (select jsonb_agg(m order by m.score - m.previous desc, lower(m.name)) from movers m) as movers
			from completion c""";

	private final JdbcClient jdbc;

	private final Overdue overdue;

	private final ModelCatalog catalog;

	Dashboards(JdbcClient jdbc, Overdue overdue, ModelCatalog catalog) {
		this.jdbc = jdbc;
		this.overdue = overdue;
		this.catalog = catalog;
	}

	/**
	 * A team of the quarter. Scores, previous scores and changes are those that count
	 * (final, or provisional when asked); {@code questions} is the number of questions of
	 * the team's model version (of the current one before the team starts).
	 */
	public record TeamRow(long id, String slug, String name, String group, AssessmentStatus status, int answered,
			int reviewed, int carriedOver, int questions, Instant lastActivity, boolean overdue,
			Map<String, BigDecimal> scores, Map<String, BigDecimal> previous, Map<String, Integer> targets) {

		/** Whether its scores are provisional: the assessment is still in progress. */
		public boolean provisional() {
			return status == AssessmentStatus.IN_PROGRESS;
		}

		/**
		 * The change of an aspect's score since the quarter before; null when one of the
		 * two is missing.
		 */
		public BigDecimal change(String aspect) {
			BigDecimal now = scores.get(aspect);
			BigDecimal before = previous.get(aspect);
			return now == null || before == null ? null : now.subtract(before);
		}

		/**
		 * How far the aspect's score is below the team's target; null without a target or
		 * when it is reached.
		 */
		public BigDecimal gap(String aspect) {
			BigDecimal score = scores.get(aspect);
			Integer target = targets.get(aspect);
			if (score == null || target == null) {
				return null;
			}
			BigDecimal gap = BigDecimal.valueOf(target).subtract(score);
			return gap.signum() > 0 ? gap.setScale(2) : null;
		}

	}

	public record Completion(long teams, long notStarted, long inProgress, long submitted, long overdue) {

		/**
		 * The share of submitted teams in whole percent, rounded down (never 100 before
		 * every team has submitted).
		 */
		public long submittedPercent() {
			return teams == 0 ? 0 : submitted * 100 / teams;
		}

	}

	/**
	 * A median with the number of teams it rests on; the value is null when no team has a
	 * score.
	 */
	public record Median(BigDecimal value, long teams) {

		static final Median NONE = new Median(null, 0);

	}

	/**
	 * How the teams fall on the levels of one aspect: teams per level 1..4, teams without
	 * a score that counts, the median with the number of teams it rests on, the
	 * five-number summary (quartiles interpolated), and the median of the quarter before.
	 */
	public record Distribution(String aspect, long[] perLevel, long noScore, BigDecimal median, long scored,
			BigDecimal min, BigDecimal lowerQuartile, BigDecimal upperQuartile, BigDecimal max, Median previous) {

		/**
		 * The change of the median since the quarter before; null when one of the two is
		 * missing.
		 */
		public BigDecimal change() {
			return median == null || previous.value() == null ? null : median.subtract(previous.value());
		}

	}

	/** A group's median per aspect key. */
	public record GroupRow(long id, String name, Map<String, Median> medians) {
	}

	/** A team whose score of an aspect changed since the quarter before. */
	public record Mover(String slug, String name, String aspect, BigDecimal previous, BigDecimal score) {

		public BigDecimal change() {
			return score.subtract(previous);
		}

	}

	public record Overview(List<TeamRow> teams, long matchingTeams, Completion completion,
			List<Distribution> distributions, List<GroupRow> groups, List<Mover> risers, List<Mover> fallers) {
	}

	/**
	 * Medians per quarter (oldest first) and aspect key, with the number of teams each
	 * rests on.
	 *
	 * @param openLabel the quarter still open (its figures are partial), or null
	 */
	public record Trend(List<String> labels, Map<String, Map<String, Median>> medians, String openLabel) {

		public Median median(String label, String aspect) {
			return medians.getOrDefault(label, Map.of()).getOrDefault(aspect, Median.NONE);
		}

		/** The median values alone, by quarter label and aspect key. */
		public Map<String, Map<String, BigDecimal>> values() {
			Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
			medians.forEach((label, byAspect) -> {
				Map<String, BigDecimal> row = new LinkedHashMap<>();
				byAspect.forEach((aspect, median) -> row.put(aspect, median.value()));
				values.put(label, row);
			});
			return values;
		}

	}

	/**
	 * One page of teams with their figures, the completion of all matching teams, the
	 * distributions, the groups' medians and the three biggest movers each way: two
	 * statements, the team rows and {@link #FIGURES}.
	 */
	@Transactional(readOnly = true)
	public Overview overview(DashboardQuery query, List<String> aspectKeys) {
		List<TeamRow> rows = new ArrayList<>();
		teamRows(query, aspectKeys, rows::add);
		Figures figures = figures(query, aspectKeys);
		Completion completion = figures.completion();
		long matching = query.overdueOnly() ? completion.overdue() : completion.teams();
		return new Overview(rows, matching, completion, figures.distributions(), figures.groups(),
				figures.movers().stream().filter(m -> m.change().signum() > 0).toList(),
				figures.movers().stream().filter(m -> m.change().signum() < 0).toList());
	}

	/**
	 * One page of a quarter's teams, by group and name, for reports that go through all
	 * teams a page at a time.
	 */
	@Transactional(readOnly = true)
	public List<TeamRow> teamsPage(DashboardQuery query, int page, int size) {
		List<TeamRow> rows = new ArrayList<>();
		teamRows(new DashboardQuery(query.quarterId(), query.previousQuarterId(), query.groupId(), "",
				query.provisional(), false, "group", false, page, size), List.of(), rows::add);
		return rows;
	}

	/**
	 * Every matching team (for CSV and the API), by group and name, row by row, without
	 * holding them in memory.
	 */
	@Transactional(readOnly = true)
	public void eachTeam(DashboardQuery query, Consumer<TeamRow> consumer) {
		teamRows(new DashboardQuery(query.quarterId(), query.previousQuarterId(), query.groupId(), query.search(),
				query.provisional(), query.overdueOnly(), "group", false, 0, 0), List.of(), consumer);
	}

	/**
	 * Runs {@link #TEAM_ROWS} for the query: a page of it, or every row when the query's
	 * size is 0.
	 */
	private void teamRows(DashboardQuery query, List<String> aspectKeys, Consumer<TeamRow> consumer) {
		jdbc.sql(TEAM_ROWS + " order by " + query.orderBy(aspectKeys)
				+ ", t.id limit cast(:size as integer) offset :offset")
			.param("quarter", query.quarterId())
			.param("previous", query.previousQuarterId())
			.param("groupId", query.groupId())
			.param("search", query.search())
			.param("provisional", query.provisional())
			.param("overdueOnly", query.overdueOnly())
			.param("today", overdue.today())
			.param("sortAspect", query.sortAspect(aspectKeys))
			.param("size", query.size() == 0 ? null : query.size())
			.param("offset", (long) query.page() * query.size())
			.withFetchSize(500)
			.query(rs -> {
				consumer.accept(row(rs));
			});
	}

	/**
	 * How many of the quarter's matching teams have not started, are in progress, have
	 * submitted, are overdue.
	 */
	@Transactional(readOnly = true)
	public Completion completion(DashboardQuery query) {
		return jdbc.sql(COMPLETION)
			.param("quarter", query.quarterId())
			.param("groupId", query.groupId())
			.param("search", query.search())
			.param("today", overdue.today())
			.query((rs, n) -> new Completion(rs.getLong("teams"), rs.getLong("not_started"), rs.getLong("in_progress"),
					rs.getLong("submitted"), rs.getLong("overdue")))
			.single();
	}

	/**
	 * Per aspect of the quarter's matching teams: teams per level, teams without a score,
	 * the median.
	 */
	@Transactional(readOnly = true)
	public List<Distribution> distributions(DashboardQuery query, List<String> aspectKeys) {
		return figures(query, aspectKeys).distributions();
	}

	/** What {@link #FIGURES} gives, the distributions in the order of the aspect keys. */
	private record Figures(Completion completion, List<Distribution> distributions, List<GroupRow> groups,
			List<Mover> movers) {
	}

	/**
	 * A row of {@link #FIGURES}' {@code distributions} (of the quarter or the one
	 * before).
	 */
	private record DistributionFigures(long quarterId, String aspect, long l1, long l2, long l3, long l4, long scored,
			BigDecimal min, BigDecimal q1, BigDecimal median, BigDecimal q3, BigDecimal max) {
	}

	/** A row of {@link #FIGURES}' {@code group_medians}. */
	private record GroupMedian(long id, String name, String aspect, long scored, BigDecimal median) {
	}

	/** A row of {@link #FIGURES}' {@code movers}. */
	private record MoverFigures(String slug, String name, String aspect, BigDecimal previous, BigDecimal score) {
	}

	/**
	 * Runs {@link #FIGURES} and turns its one row into the completion, the distributions
	 * (every aspect key, in order, with the median of the quarter before), the groups'
	 * medians and the movers.
	 */
	private Figures figures(DashboardQuery query, List<String> aspectKeys) {
		return jdbc.sql(FIGURES)
			.param("quarter", query.quarterId())
			.param("previous", query.previousQuarterId())
			.param("groupId", query.groupId())
			.param("search", query.search())
			.param("provisional", query.provisional())
			.param("today", overdue.today())
			.query((rs, n) -> {
				Completion completion = new Completion(rs.getLong("teams"), rs.getLong("not_started"),
						rs.getLong("in_progress"), rs.getLong("submitted"), rs.getLong("overdue"));
				return new Figures(completion,
						distributions(query, aspectKeys, completion.teams(),
								figureList(rs.getString("distributions"), DistributionFigures.class)),
						groups(figureList(rs.getString("groups"), GroupMedian.class)),
						figureList(rs.getString("movers"), MoverFigures.class).stream()
							.map(m -> new Mover(m.slug(), m.name(), m.aspect(), m.previous(), m.score()))
							.toList());
			})
			.single();
	}

	private static List<Distribution> distributions(DashboardQuery query, List<String> aspectKeys, long teams,
			List<DistributionFigures> rows) {
		Map<String, DistributionFigures> current = new LinkedHashMap<>();
		Map<String, Median> previous = new LinkedHashMap<>();
		for (DistributionFigures row : rows) {
			if (row.quarterId() == query.quarterId()) {
				current.put(row.aspect(), row);
			}
			else {
				previous.put(row.aspect(), new Median(row.median(), row.scored()));
			}
		}
		return aspectKeys.stream().map(aspect -> {
			DistributionFigures found = current.get(aspect);
			Median before = previous.getOrDefault(aspect, Median.NONE);
			if (found == null) {
				return new Distribution(aspect, new long[4], teams, null, 0, null, null, null, null, before);
			}
			return new Distribution(aspect, new long[] { found.l1(), found.l2(), found.l3(), found.l4() },
					teams - found.scored(), found.median(), found.scored(), found.min(), found.q1(), found.q3(),
					found.max(), before);
		}).toList();
	}

	/** Per group, in the order of the rows (by name): the median of each aspect. */
	private static List<GroupRow> groups(List<GroupMedian> rows) {
		Map<Long, GroupRow> groups = new LinkedHashMap<>();
		for (GroupMedian row : rows) {
			groups.computeIfAbsent(row.id(), id -> new GroupRow(id, row.name(), new LinkedHashMap<>()))
				.medians()
				.put(row.aspect(), new Median(row.median(), row.scored()));
		}
		return List.copyOf(groups.values());
	}

	private static <T> List<T> figureList(String json, Class<T> type) {
		return json == null ? List.of()
				: FIGURES_JSON.readValue(json, FIGURES_JSON.getTypeFactory().constructCollectionType(List.class, type));
	}

	/**
	 * Per quarter that has been open (oldest first) and aspect, the median of the teams'
	 * scores that count, of a group or of all teams, with the number of teams it rests
	 * on.
	 */
	@Transactional(readOnly = true)
	public Trend trend(Long groupId, boolean provisional) {
		Map<String, Map<String, Median>> medians = new LinkedHashMap<>();
		String[] open = { null };
		jdbc.sql("""
				with scored as (
				    select qu.label, qu.state, asp.key as aspect,
				           round(s.level_sum::numeric / s.level_count, 2) as score
				    from quarter qu
				    join assessment a on a.quarter_id = qu.id
				    join team t on t.id = a.team_id
				    join assessment_aspect_score s on s.assessment_id = a.id and s.level_count > 0
				    join aspect asp on asp.id = s.aspect_id
				    where qu.state <> 'PLANNED' and t.enabled
				      and (cast(:groupId as bigint) is null or t.group_id = :groupId)
				      and """ + counts("a") + """
				)
				select label, state, aspect, count(*) as scored, """ + MEDIAN + """
				from scored
				group by label, state, aspect
				order by label""").param("groupId", groupId).param("provisional", provisional).query(rs -> {
			String label = rs.getString("label");
			if ("OPEN".equals(rs.getString("state"))) {
				open[0] = label;
			}
			medians.computeIfAbsent(label, key -> new LinkedHashMap<>())
				.put(rs.getString("aspect"), new Median(rs.getBigDecimal("median"), rs.getLong("scored")));
		});
		return new Trend(List.copyOf(medians.keySet()), medians, open[0]);
	}

	private TeamRow row(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
		long modelVersion = rs.getLong("model_version_id");
		int questions = rs.wasNull() ? catalog.currentVersion().questionCount()
				: catalog.versionById(modelVersion).questionCount();
		return new TeamRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("group_name"),
				status == null ? AssessmentStatus.NOT_STARTED : AssessmentStatus.valueOf(status),
				rs.getInt("answered_count"), rs.getInt("reviewed_count"), rs.getInt("carried_over_count"), questions,
				updated == null ? null : updated.toInstant(), rs.getBoolean("overdue"),
				json(rs.getString("scores"), new TypeReference<Map<String, BigDecimal>>() {
				}), json(rs.getString("previous"), new TypeReference<Map<String, BigDecimal>>() {
				}), json(rs.getString("targets"), new TypeReference<Map<String, Integer>>() {
				}));
	}

	private static <T> Map<String, T> json(String json, TypeReference<Map<String, T>> type) {
		return json == null ? Map.of() : JSON.readValue(json, type);
	}

}
