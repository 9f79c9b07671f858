package dev.platformmaturity.action;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;

/**
 * The published query of actions counted across teams, for platform leads (the dashboard,
 * the organisation report): each figure in one query whatever the number of teams, with
 * the aspects of the current model in the reader's language. Aspects are counted by key,
 * so actions of older model versions count with the aspect of the same key.
 */
@Service
@PreAuthorize("hasRole('LEAD')")
public class ActionFigures {

	/** A team's open actions and how many of them are overdue. */
	public record TeamLine(String slug, String name, long open, long overdue) {
	}

	/** How many teams have open actions for an aspect. */
	public record AspectTeams(String key, String name, long teams) {
	}

	/**
	 * What the dashboard shows: per team (of those asked) and per aspect (of the group,
	 * when given).
	 *
	 * @param groupId the group shown, or null for all teams
	 */
	public record Dashboard(List<TeamLine> teams, List<AspectTeams> aspects, Long groupId) {

		public boolean empty() {
			return teams.isEmpty() && aspects.stream().allMatch(aspect -> aspect.teams() == 0);
		}

	}

	/** An aspect's actions per status, and how many of its open ones are overdue. */
	public record AspectStatuses(String key, String name, Map<ActionStatus, Long> byStatus, long overdue) {

		public long count(ActionStatus status) {
			return byStatus.getOrDefault(status, 0L);
		}

		public long total() {
			return byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The organisation's actions by aspect and status. */
	public record Summary(List<AspectStatuses> aspects, List<ActionStatus> statuses) {

		public boolean empty() {
			return aspects.stream().allMatch(aspect -> aspect.total() == 0);
		}

	}

	private final JdbcClient jdbc;

	private final ModelCatalog catalog;

	private final Clock clock;

	ActionFigures(JdbcClient jdbc, ModelCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The dashboard's figures in one statement: the teams asked that have open actions
	 * (most overdue first), and per aspect how many enabled teams (of the group, when
	 * given) have open actions.
	 */
	@Transactional(readOnly = true)
	public Dashboard dashboard(Collection<Long> teamIds, Long groupId, String language) {
		List<TeamLine> teams = new ArrayList<>();
		Map<String, Long> teamsPerAspect = new HashMap<>();
		jdbc.sql("""
				select 'team' as kind, t.slug, t.name, count(*) as open,
				       count(*) filter (where a.due_on < :today) as overdue
				from action a
				join team t on t.id = a.team_id
				where a.team_id in (:teams) and %1$s
				group by t.id, t.slug, t.name
				union all
				select 'aspect', asp.key, null, count(distinct a.team_id), 0
				from action a
				join team t on t.id = a.team_id
				join aspect asp on asp.id = a.aspect_id
				where t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId) and %1$s
				group by asp.key
				order by kind desc, overdue desc, open desc, name""".formatted(ActionStatus.openCondition("a")))
			.param("teams", teamIds.isEmpty() ? List.of(-1L) : teamIds)
			.param("today", LocalDate.now(clock))
			.param("groupId", groupId, Types.BIGINT)
			.query(rs -> {
				if (rs.getString("kind").equals("team")) {
					teams.add(new TeamLine(rs.getString("slug"), rs.getString("name"), rs.getLong("open"),
							rs.getLong("overdue")));
				}
				else {
					teamsPerAspect.put(rs.getString("slug"), rs.getLong("open"));
				}
			});
		List<AspectTeams> aspects = catalog.current()
			.aspects()
			.stream()
			.map(aspect -> new AspectTeams(aspect.key(), aspect.name().in(language),
					teamsPerAspect.getOrDefault(aspect.key(), 0L)))
			.toList();
		return new Dashboard(teams, aspects, groupId);
	}

	/**
	 * Per aspect of the current model, the actions of enabled teams (of the group, when
	 * given) per status.
	 */
	@Transactional(readOnly = true)
	public Summary byAspectAndStatus(Long groupId, String language) {
		Map<String, Map<ActionStatus, Long>> byStatus = new HashMap<>();
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
		List<AspectStatuses> aspects = new ArrayList<>();
		for (MaturityModel.Aspect aspect : catalog.current().aspects()) {
			aspects.add(new AspectStatuses(aspect.key(), aspect.name().in(language),
					byStatus.getOrDefault(aspect.key(), Map.of()), overdue.getOrDefault(aspect.key(), 0L)));
		}
		return new Summary(aspects, List.of(ActionStatus.values()));
	}

}
