package dev.platformmaturity.action;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every action of the enabled teams (of a group, when given), row by row, for the leads'
 * CSV.
 */
@Service
@PreAuthorize("hasRole('LEAD')")
class ActionExport {

	static final List<String> HEADER = List.of("team", "team_name", "group", "id", "title", "model_version", "aspect",
			"characteristic", "owner", "owner_name", "due_on", "status", "overdue", "planned_level", "tracker_url",
			"notes", "created_at", "done_at");

	private final JdbcClient jdbc;

	private final Clock clock;

	ActionExport(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Hands each action to the consumer as the CSV's values, by team and then as the plan
	 * lists them.
	 */
	@Transactional(readOnly = true)
	void each(Long groupId, Consumer<List<Object>> row) {
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				select t.slug, t.name as team_name, g.name as group_name, a.id, a.title, mv.model_id, asp.key,
				       a.characteristic_level, a.characteristic_key, o.username, o.display_name, a.due_on, a.status,
				       a.planned_level, a.tracker_url, a.notes, a.created_at, a.done_at
				from action a
				join team t on t.id = a.team_id
				join team_group g on g.id = t.group_id
				join aspect asp on asp.id = a.aspect_id
				join model_version mv on mv.id = asp.model_version_id
				left join person o on o.id = a.owner_id
				where t.enabled and (cast(:groupId as bigint) is null or t.group_id = :groupId)
				order by lower(t.name), t.id, case when a.status in ('PLANNED', 'IN_PROGRESS') then 0 else 1 end,
				         a.due_on nulls last, a.id""").param("groupId", groupId, Types.BIGINT).query(rs -> {
			ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
			LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
			String characteristic = rs.getString("characteristic_key") == null ? "" : rs.getString("key") + "."
					+ rs.getInt("characteristic_level") + "." + rs.getString("characteristic_key");
			List<Object> values = new ArrayList<>();
			values.add(rs.getString("slug"));
			values.add(rs.getString("team_name"));
			values.add(rs.getString("group_name"));
			values.add(rs.getLong("id"));
			values.add(rs.getString("title"));
			values.add(rs.getString("model_id"));
			values.add(rs.getString("key"));
			values.add(characteristic);
			values.add(text(rs.getString("username")));
			values.add(text(rs.getString("display_name")));
			values.add(dueOn == null ? "" : dueOn.toString());
			values.add(status.name());
			values.add(status.open() && dueOn != null && dueOn.isBefore(today));
			values.add(rs.getObject("planned_level") == null ? "" : rs.getInt("planned_level"));
			values.add(text(rs.getString("tracker_url")));
			values.add(text(rs.getString("notes")));
			values.add(rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
			OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
			values.add(doneAt == null ? "" : doneAt.toInstant().toString());
			row.accept(values);
		});
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
