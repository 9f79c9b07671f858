package dev.platformmaturity.action;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.team.TeamAccess;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's actions. Whoever may read the team reads its actions and may comment on them
 * (its members, platform leads, administrators); only the team's members create, change
 * and delete them. A change names the version it starts from: when someone saved
 * meanwhile, nothing is saved and the problem carries the action as saved. Every change
 * is recorded in the team's history of actions.
 */
@Service
public class Actions {

	private final ActionRows rows;

	private final ActionRules rules;

	private final Teams teams;

	private final TeamAccess access;

	private final ModelCatalog catalog;

	private final Clock clock;

	Actions(ActionRows rows, ActionRules rules, Teams teams, TeamAccess access, ModelCatalog catalog, Clock clock) {
		this.rows = rows;
		this.rules = rules;
		this.teams = teams;
		this.access = access;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The team's actions: open ones first, then by due date. The access rule has found
	 * the team.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<ActionState> list(String team) {
		return rows.ofTeam(team, today());
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public ActionState get(String team, long id) {
		return rows.find(teamRef(team).id(), id, today()).orElseThrow(() -> ActionProblem.notFound(id));
	}

	/** Whether the caller plans the team's actions: a member of the team. */
	public boolean mayPlan(String team) {
		return access.isMember(team);
	}

	@Transactional
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public ActionState create(String team, ActionChange change, long personId) {
		TeamRef teamRef = requirePlanner(team);
		ActionRows.Values values = rules.values(change, catalog.currentVersion(), members(team, null));
		long id = rows.insert(teamRef.id(), values, personId);
		ActionState created = rows.find(teamRef.id(), id, today()).orElseThrow();
		rows.addEvents(teamRef.id(), List.of(new ActionRows.Event(id, created.title(), "CREATE", null, null, null)),
				personId);
		return created;
	}

	/**
	 * Saves every field of the action; 409 with the action as saved when its version is
	 * not {@code expected}.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public ActionState change(String team, long id, ActionChange change, long expectedVersion, long personId) {
		TeamRef teamRef = requirePlanner(team);
		ActionState saved = rows.find(teamRef.id(), id, today()).orElseThrow(() -> ActionProblem.notFound(id));
		if (saved.version() != expectedVersion) {
			throw ActionProblem.stale(saved);
		}
		ModelVersion version = catalog.storedVersion(saved.modelVersion()).orElseThrow();
		ActionRows.Values values = rules.values(change, version, members(team, saved.owner()));
		if (!rows.update(teamRef.id(), id, expectedVersion, values, personId)) {
			throw rows.find(teamRef.id(), id, today())
				.map(ActionProblem::stale)
				.orElseGet(() -> ActionProblem.deletedMeanwhile(id));
		}
		ActionState changed = rows.find(teamRef.id(), id, today()).orElseThrow();
		rows.addEvents(teamRef.id(), differences(saved, changed), personId);
		return changed;
	}

	/** Deletes the action; with a version, only when it is still that version. */
	@Transactional
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public void delete(String team, long id, Long expectedVersion, long personId) {
		TeamRef teamRef = requirePlanner(team);
		ActionState saved = rows.find(teamRef.id(), id, today()).orElseThrow(() -> ActionProblem.notFound(id));
		if (expectedVersion != null && saved.version() != expectedVersion) {
			throw ActionProblem.stale(saved);
		}
		rows.delete(teamRef.id(), id);
		rows.addEvents(teamRef.id(), List.of(new ActionRows.Event(id, saved.title(), "DELETE", null, null, null)),
				personId);
	}

	/**
	 * Anyone who may read the team comments: its members, platform leads and
	 * administrators.
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public ActionComment comment(String team, long id, String text, long personId) {
		TeamRef teamRef = teamRef(team);
		String comment = ActionRules.comment(text);
		ActionState action = rows.find(teamRef.id(), id, today()).orElseThrow(() -> ActionProblem.notFound(id));
		ActionComment added = rows.addComment(id, comment, personId);
		rows.addEvents(teamRef.id(), List.of(new ActionRows.Event(id, action.title(), "COMMENT", null, null, comment)),
				personId);
		return added;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<ActionComment> comments(String team, long id) {
		get(team, id);
		return rows.comments(id);
	}

	/**
	 * Every change of the team's actions (of one action when {@code actionId} is not
	 * null), newest first.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<ActionHistory.Entry> history(String team, Long actionId) {
		return rows.events(teamRef(team).id(), actionId);
	}

	/**
	 * Who may own the team's actions: its members, and the owner an action has already.
	 */
	private Map<String, Long> members(String team, ActionState.Person keptOwner) {
		Map<String, Long> members = new HashMap<>();
		for (PersonInfo member : teams.members(team)) {
			members.put(member.username(), member.id());
		}
		if (keptOwner != null && !members.containsKey(keptOwner.username())) {
			rows.personId(keptOwner.username()).ifPresent(id -> members.put(keptOwner.username(), id));
		}
		return members;
	}

	private TeamRef requirePlanner(String team) {
		TeamRef teamRef = teamRef(team);
		if (!access.isMember(team)) {
			throw new AccessDeniedException("Only the members of team " + team + " plan its actions");
		}
		return teamRef;
	}

	private TeamRef teamRef(String team) {
		return teams.findBySlug(team).orElseThrow(() -> new TeamNotFoundException(team));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** One history entry per field that changed. */
	private static List<ActionRows.Event> differences(ActionState before, ActionState after) {
		List<ActionRows.Event> events = new ArrayList<>();
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("title", new String[] { before.title(), after.title() });
		fields.put("aspect", new String[] { before.aspect(), after.aspect() });
		fields.put("characteristic", new String[] { before.characteristic(), after.characteristic() });
		fields.put("owner", new String[] { name(before.owner()), name(after.owner()) });
		fields.put("dueOn", new String[] { text(before.dueOn()), text(after.dueOn()) });
		fields.put("status", new String[] { before.status().name(), after.status().name() });
		fields.put("trackerUrl", new String[] { before.trackerUrl(), after.trackerUrl() });
		fields.put("notes", new String[] { before.notes(), after.notes() });
		fields.put("plannedLevel", new String[] { text(before.plannedLevel()), text(after.plannedLevel()) });
		fields.forEach((field, values) -> {
			if (!Objects.equals(values[0], values[1])) {
				events.add(new ActionRows.Event(after.id(), after.title(), "CHANGE", field, values[0], values[1]));
			}
		});
		return events;
	}

	private static String name(ActionState.Person person) {
		return person == null ? null : person.name();
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
