package dev.platformmaturity.action;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published query of overdue actions, for work the application does on its own behalf
 * (the notifications' {@code action.overdue} event): every open action of an enabled team
 * whose due date lies before the day asked. It checks no access: its callers run without
 * a signed-in person and must not show its result to one.
 */
@Service
public class OverdueActions {

	/**
	 * An open action past its due date.
	 *
	 * @param owner the owner's name, or null
	 * @param trackerUrl the link to the team's tracker, or null
	 */
	public record OverdueAction(long actionId, String title, String teamSlug, String teamName, LocalDate dueOn,
			String owner, String trackerUrl) {
	}

	private final JdbcClient jdbc;

	OverdueActions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The actions overdue on {@code day}, by due date. */
	@Transactional(readOnly = true)
	public List<OverdueAction> on(LocalDate day) {
		return jdbc.sql("""
				select a.id, a.title, t.slug, t.name, a.due_on, p.display_name, a.tracker_url
				from action a
				join team t on t.id = a.team_id
				left join person p on p.id = a.owner_id
				where a.due_on < :day and t.enabled and %s
				order by a.due_on, a.id""".formatted(ActionStatus.openCondition("a")))
			.param("day", day)
			.query((rs, n) -> new OverdueAction(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
					rs.getString("name"), rs.getObject("due_on", LocalDate.class), rs.getString("display_name"),
					rs.getString("tracker_url")))
			.list();
	}

}
