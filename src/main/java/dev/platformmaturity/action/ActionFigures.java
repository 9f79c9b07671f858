package dev.platformmaturity.action;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions counted across teams, for platform leads (the dashboard, the organisation report), each figure in one
 * query whatever the number of teams. Aspects are counted by key, so actions of older model versions count with the
 * aspect of the same key.
 */
@Service
@PreAuthorize("hasRole('LEAD')")
public class ActionFigures {

	/** A team's open actions and how many of them are overdue. */
	public record TeamCounts(long open, long overdue) {

		public static final TeamCounts NONE = new TeamCounts(0, 0);

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ActionFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Per team id, its open and overdue actions; teams without open actions are left out. */
	@Transactional(readOnly = true)
	public Map<Long, TeamCounts> openAndOverdue(Collection<Long> teamIds) {
		Map<Long, TeamCounts> counts = new HashMap<>();
		if (teamIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select a.team_id, count(*) as open, count(*) filter (where a.due_on < :today) as overdue
				from action a
				where a.team_id in (:teams) and %s
				group by a.team_id""".formatted(ActionStatus.openCondition("a")))
			.param("teams", teamIds)
			.param("today", LocalDate.now(clock))
			.query(rs -> {
				counts.put(rs.getLong("team_id"), new TeamCounts(rs.getLong("open"), rs.getLong("overdue")));
			});
		return counts;
	}

	/** Per aspect key, how many enabled teams (of the group, when given) have open actions for it. */
	@Transactional(readOnly = true)
	public Map<String, Long> teamsWithOpenActions(Long groupId) {
		Map<String, Long> teams = new LinkedHashMap<>();
		jdbc.sql("""
				select asp.key, count(distinct a.team_id) as teams
				from action a
				join team t on t.id = a.team_id
				join aspect asp on asp.id = a.aspect_id
				where t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
				  and %s
				group by asp.key""".formatted(ActionStatus.openCondition("a")))
			.param("groupId", groupId, Types.BIGINT)
			.query(rs -> {
				teams.put(rs.getString("key"), rs.getLong("teams"));
			});
		return teams;
	}

	/** Per aspect key, the actions of enabled teams (of the group, when given) per status, and how many are overdue. */
	public record AspectActions(Map<ActionStatus, Long> byStatus, long overdue) {
	}

	@Transactional(readOnly = true)
	public Map<String, AspectActions> byAspectAndStatus(Long groupId) {
		Map<String, Map<ActionStatus, Long>> byStatus = new LinkedHashMap<>();
		Map<String, Long> overdue = new HashMap<>();
		jdbc.sql("""
				select asp.key, a.status, count(*) as actions,
				       count(*) filter (where a.due_on < :today and %s) as overdue
				from action a
				join team t on t.id = a.team_id
				join aspect asp on asp.id = a.aspect_id
				where t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
				group by asp.key, a.status""".formatted(ActionStatus.openCondition("a")))
			.param("groupId", groupId, Types.BIGINT)
			.param("today", LocalDate.now(clock))
			.query(rs -> {
				String aspect = rs.getString("key");
				byStatus.computeIfAbsent(aspect, key -> new EnumMap<>(ActionStatus.class))
					.put(ActionStatus.valueOf(rs.getString("status")), rs.getLong("actions"));
				overdue.merge(aspect, rs.getLong("overdue"), Long::sum);
			});
		Map<String, AspectActions> result = new LinkedHashMap<>();
		byStatus.forEach((aspect, statuses) -> result.put(aspect,
				new AspectActions(statuses, overdue.getOrDefault(aspect, 0L))));
		return result;
	}

	/** The statuses in the order reports list them. */
	public static List<ActionStatus> statuses() {
		return List.of(ActionStatus.values());
	}

}
