package dev.platformmaturity.action;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's actions with their comments as data, for moving them between installations:
 * read them, check actions brought from elsewhere with the same rules as every action
 * (the owner must be a member of the team here), and write them in the caller's
 * transaction. Authors of comments and creators this installation does not know are
 * stored as nobody.
 */
@Service
public class ActionTransfer {

	public record CommentData(String text, String by, Instant at) {
	}

	public record ActionData(String title, String modelVersion, String aspect, String characteristic, String owner,
			LocalDate dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel,
			Instant createdAt, String createdBy, Instant doneAt, List<CommentData> comments) {

		ActionChange change() {
			return new ActionChange(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl,
					notes, plannedLevel);
		}

	}

	private final JdbcClient jdbc;

	private final ActionRows rows;

	private final ActionRules rules;

	private final Teams teams;

	private final ModelCatalog catalog;

	private final Accounts accounts;

	ActionTransfer(JdbcClient jdbc, ActionRows rows, ActionRules rules, Teams teams, ModelCatalog catalog,
			Accounts accounts) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.rules = rules;
		this.teams = teams;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<ActionData> export(String team) {
		TeamRef teamRef = team(team);
		Map<Long, List<CommentData>> comments = new HashMap<>();
		jdbc.sql("""
				select c.action_id, c.text, p.username, c.created_at
				from action_comment c join action a on a.id = c.action_id left join person p on p.id = c.author_id
				where a.team_id = ? order by c.id""").param(teamRef.id()).query(rs -> {
			comments.computeIfAbsent(rs.getLong("action_id"), id -> new ArrayList<>())
				.add(new CommentData(rs.getString("text"), rs.getString("username"),
						ActionRows.instant(rs, "created_at")));
		});
		return jdbc.sql(ActionRows.SELECT + "where a.team_id = ? order by a.id").param(teamRef.id()).query((rs, n) -> {
			ActionState action = ActionRows.state(rs, LocalDate.MIN);
			return new ActionData(action.title(), action.modelVersion(), action.aspect(), action.characteristic(),
					action.owner() == null ? null : action.owner().username(), action.dueOn(), action.status(),
					action.trackerUrl(), action.notes(), action.plannedLevel(), action.createdAt(),
					action.createdBy() == null ? null : action.createdBy().username(), action.doneAt(),
					comments.getOrDefault(action.id(), List.of()));
		}).list();
	}

	/**
	 * The problems of the actions, each with its path ({@code actions[3].owner}), checked
	 * for the team here.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<FieldProblem> check(String team, List<ActionData> actions, String path) {
		Map<String, Long> members = members(team);
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < actions.size(); i++) {
			ActionData action = actions.get(i);
			try {
				rules.values(action.change(), catalog.currentVersion(), members);
			}
			catch (ActionProblem invalid) {
				for (FieldProblem problem : invalid.problems()) {
					problems.add(new FieldProblem(path + "[" + i + "]." + problem.field(), problem.messageKey(),
							problem.arguments()));
				}
			}
			for (int j = 0; j < action.comments().size(); j++) {
				try {
					ActionRules.comment(action.comments().get(j).text());
				}
				catch (ActionProblem invalid) {
					FieldProblem problem = invalid.problems().get(0);
					problems.add(new FieldProblem(path + "[" + i + "].comments[" + j + "].text", problem.messageKey(),
							problem.arguments()));
				}
			}
		}
		return problems;
	}

	/**
	 * Writes actions that {@link #check} found nothing wrong with, each with an entry in
	 * the team's history.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void load(String team, List<ActionData> actions, long personId) {
		TeamRef teamRef = team(team);
		Map<String, Long> members = members(team);
		Map<String, Long> people = people(actions);
		List<ActionRows.Event> events = new ArrayList<>();
		for (ActionData action : actions) {
			ModelVersion version = catalog.storedVersion(action.modelVersion()).orElseThrow();
			ActionRows.Values values = rules.values(action.change(), version, members);
			Instant created = action.createdAt() == null ? Instant.now() : action.createdAt();
			Instant done = values.status() != ActionStatus.DONE ? null
					: action.doneAt() == null ? created : action.doneAt();
			long id = jdbc.sql("""
					insert into action (team_id, aspect_id, characteristic_level, characteristic_key, title, owner_id,
					    due_on, status, tracker_url, notes, planned_level, done_at, created_at, created_by,
					    updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?) returning id""")
				.params(teamRef.id(), values.aspectId(),
						new SqlParameterValue(Types.SMALLINT, values.characteristicLevel()),
						new SqlParameterValue(Types.VARCHAR, values.characteristicKey()), values.title(),
						new SqlParameterValue(Types.BIGINT, values.ownerId()),
						new SqlParameterValue(Types.DATE, values.dueOn()), values.status().name(),
						new SqlParameterValue(Types.VARCHAR, values.trackerUrl()),
						new SqlParameterValue(Types.VARCHAR, values.notes()),
						new SqlParameterValue(Types.SMALLINT, values.plannedLevel()),
						new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, done == null ? null : utc(done)),
						utc(created), new SqlParameterValue(Types.BIGINT, people.get(action.createdBy())), personId)
				.query(Long.class)
				.single();
			for (CommentData comment : action.comments()) {
				jdbc.sql("insert into action_comment (action_id, text, author_id, created_at) values (?, ?, ?, ?)")
					.params(id, ActionRules.comment(comment.text()),
							new SqlParameterValue(Types.BIGINT, people.get(comment.by())),
							utc(comment.at() == null ? created : comment.at()))
					.update();
			}
			events.add(new ActionRows.Event(id, values.title(), "IMPORT", null, null, null));
		}
		rows.addEvents(teamRef.id(), events, personId);
	}

	private Map<String, Long> members(String team) {
		Map<String, Long> members = new HashMap<>();
		for (PersonInfo member : teams.members(team)) {
			members.put(member.username(), member.id());
		}
		return members;
	}

	private Map<String, Long> people(List<ActionData> actions) {
		Set<String> usernames = new HashSet<>();
		for (ActionData action : actions) {
			usernames.add(action.createdBy());
			action.comments().forEach(comment -> usernames.add(comment.by()));
		}
		usernames.remove(null);
		Map<String, Long> ids = new HashMap<>();
		accounts.findByUsernames(usernames).forEach((username, person) -> ids.put(username, person.id()));
		return ids;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private TeamRef team(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> new TeamNotFoundException(slug));
	}

}
