package dev.platformmaturity.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of actions, their comments and their history. A change names the version it
 * starts from and changes nothing when the action has another one.
 */
@Repository
class ActionRows {

	static final String SELECT = """
			select a.id, t.slug as team, a.title, mv.model_id, asp.key as aspect, a.characteristic_level,
			       a.characteristic_key, o.username as owner_username, o.display_name as owner_name, a.due_on,
			       a.status, a.tracker_url, a.notes, a.planned_level, a.done_at, a.created_at,
			       c.username as created_username, c.display_name as created_name, a.updated_at,
			       u.username as updated_username, u.display_name as updated_name, a.version
			from action a
			join team t on t.id = a.team_id
			join aspect asp on asp.id = a.aspect_id
			join model_version mv on mv.id = asp.model_version_id
			left join person o on o.id = a.owner_id
			left join person c on c.id = a.created_by
			left join person u on u.id = a.updated_by
			""";

	/** Open actions first, then by due date (none last) and age. */
	static final String ORDER = """
			order by case when a.status in ('PLANNED', 'IN_PROGRESS') then 0 else 1 end, a.due_on nulls last, a.id""";

	private final JdbcClient jdbc;

	ActionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ActionState> ofTeam(String team, LocalDate today) {
		return jdbc.sql(SELECT + "where t.slug = :team " + ORDER)
			.param("team", team)
			.query((rs, n) -> state(rs, today))
			.list();
	}

	Optional<ActionState> find(long teamId, long id, LocalDate today) {
		return jdbc.sql(SELECT + "where a.team_id = :team and a.id = :id")
			.param("team", teamId)
			.param("id", id)
			.query((rs, n) -> state(rs, today))
			.optional();
	}

	/**
	 * The values of an action as stored, resolved to rows: what {@link #insert} and
	 * {@link #update} write.
	 */
	record Values(long aspectId, Integer characteristicLevel, String characteristicKey, String title, Long ownerId,
			LocalDate dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel) {
	}

	long insert(long teamId, Values values, long personId) {
		return jdbc.sql("""
				insert into action (team_id, aspect_id, characteristic_level, characteristic_key, title, owner_id,
				    due_on, status, tracker_url, notes, planned_level, done_at, created_by, updated_by)
				values (:team, :aspect, :characteristicLevel, :characteristicKey, :title, :owner, :dueOn, :status,
				    :trackerUrl, :notes, :plannedLevel, case when :status = 'DONE' then now() end, :person, :person)
				returning id""")
			.param("team", teamId)
			.params(parameters(values))
			.param("person", personId)
			.query(Long.class)
			.single();
	}

	/**
	 * Changes the action unless its version is no longer {@code expectedVersion}; whether
	 * it changed.
	 */
	boolean update(long teamId, long id, long expectedVersion, Values values, long personId) {
		return jdbc.sql("""
				update action set aspect_id = :aspect, characteristic_level = :characteristicLevel,
				    characteristic_key = :characteristicKey, title = :title, owner_id = :owner, due_on = :dueOn,
				    status = :status, tracker_url = :trackerUrl, notes = :notes, planned_level = :plannedLevel,
				    done_at = case when :status <> 'DONE' then null when status = 'DONE' then done_at else now() end,
				    updated_by = :person, updated_at = now(), version = version + 1
				where id = :id and team_id = :team and version = :version""")
			.params(parameters(values))
			.param("person", personId)
			.param("id", id)
			.param("team", teamId)
			.param("version", expectedVersion)
			.update() == 1;
	}

	boolean delete(long teamId, long id) {
		return jdbc.sql("delete from action where id = ? and team_id = ?").params(id, teamId).update() == 1;
	}

	private static Map<String, Object> parameters(Values values) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("aspect", values.aspectId());
		parameters.put("characteristicLevel", new SqlParameterValue(Types.SMALLINT, values.characteristicLevel()));
		parameters.put("characteristicKey", new SqlParameterValue(Types.VARCHAR, values.characteristicKey()));
		parameters.put("title", values.title());
		parameters.put("owner", new SqlParameterValue(Types.BIGINT, values.ownerId()));
		parameters.put("dueOn", new SqlParameterValue(Types.DATE, values.dueOn()));
		parameters.put("status", values.status().name());
		parameters.put("trackerUrl", new SqlParameterValue(Types.VARCHAR, values.trackerUrl()));
		parameters.put("notes", new SqlParameterValue(Types.VARCHAR, values.notes()));
		parameters.put("plannedLevel", new SqlParameterValue(Types.SMALLINT, values.plannedLevel()));
		return parameters;
	}

	/** One line of a team's history of actions. */
	record Event(Long actionId, String title, String kind, String field, String oldValue, String newValue) {
	}

	void addEvents(long teamId, List<Event> events, long personId) {
		if (events.isEmpty()) {
			return;
		}
		List<String> rows = new ArrayList<>();
		List<SqlParameterValue> values = new ArrayList<>();
		for (Event event : events) {
			rows.add("(?, ?, ?, ?, ?, ?, ?, ?, now())");
			values.add(new SqlParameterValue(Types.BIGINT, teamId));
			values.add(new SqlParameterValue(Types.BIGINT, event.actionId()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.title()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.kind()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.field()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.oldValue()));
			values.add(new SqlParameterValue(Types.VARCHAR, event.newValue()));
			values.add(new SqlParameterValue(Types.BIGINT, personId));
		}
		jdbc.sql("insert into action_event (team_id, action_id, title, kind, field, old_value, new_value, changed_by,"
				+ " changed_at) values " + String.join(", ", rows))
			.params(values)
			.update();
	}

	/** Events of the team (all actions when {@code actionId} is null), newest first. */
	List<ActionHistory.Entry> events(long teamId, Long actionId) {
		return jdbc.sql("""
				select e.action_id, e.title, e.kind, e.field, e.old_value, e.new_value, p.display_name, e.changed_at
				from action_event e left join person p on p.id = e.changed_by
				where e.team_id = :team and (cast(:action as bigint) is null or e.action_id = :action)
				order by e.id desc""")
			.param("team", teamId)
			.param("action", actionId, Types.BIGINT)
			.query((rs, n) -> new ActionHistory.Entry(rs.getObject("action_id", Long.class), rs.getString("title"),
					rs.getString("kind"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
					rs.getString("display_name"), instant(rs, "changed_at")))
			.list();
	}

	Optional<Long> personId(String username) {
		return jdbc.sql("select id from person where username = ?").param(username).query(Long.class).optional();
	}

	ActionComment addComment(long actionId, String text, long personId) {
		return jdbc.sql("""
				with added as (insert into action_comment (action_id, text, author_id) values (?, ?, ?)
				               returning id, text, author_id, created_at)
				select added.id, added.text, added.created_at, p.username, p.display_name
				from added left join person p on p.id = added.author_id""")
			.params(actionId, text, personId)
			.query((rs, n) -> comment(rs))
			.single();
	}

	List<ActionComment> comments(long actionId) {
		return jdbc.sql("""
				select c.id, c.text, c.created_at, p.username, p.display_name
				from action_comment c left join person p on p.id = c.author_id
				where c.action_id = ? order by c.id""").param(actionId).query((rs, n) -> comment(rs)).list();
	}

	private static ActionComment comment(ResultSet rs) throws SQLException {
		return new ActionComment(rs.getLong("id"), rs.getString("text"), person(rs, "username", "display_name"),
				instant(rs, "created_at"));
	}

	static ActionState state(ResultSet rs, LocalDate today) throws SQLException {
		Integer characteristicLevel = rs.getObject("characteristic_level", Integer.class);
		String aspect = rs.getString("aspect");
		ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
		LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
		return new ActionState(rs.getLong("id"), rs.getString("team"), rs.getString("title"), rs.getString("model_id"),
				aspect,
				characteristicLevel == null ? null
						: aspect + "." + characteristicLevel + "." + rs.getString("characteristic_key"),
				person(rs, "owner_username", "owner_name"), dueOn, status, ActionRules.overdue(status, dueOn, today),
				rs.getString("tracker_url"), rs.getString("notes"), rs.getObject("planned_level", Integer.class),
				instant(rs, "done_at"), instant(rs, "created_at"), person(rs, "created_username", "created_name"),
				instant(rs, "updated_at"), person(rs, "updated_username", "updated_name"), rs.getLong("version"));
	}

	private static ActionState.Person person(ResultSet rs, String username, String name) throws SQLException {
		return rs.getString(username) == null ? null
				: new ActionState.Person(rs.getString(username), rs.getString(name));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
