package dev.platformmaturity.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.action.OverdueActions;
import dev.platformmaturity.action.OverdueActions.OverdueAction;
import dev.platformmaturity.assessment.Overdue;
import dev.platformmaturity.notification.EmailContent.Mover;
import dev.platformmaturity.notification.EmailContent.Summary;
import dev.platformmaturity.notification.EmailContent.TeamLine;
import dev.platformmaturity.notification.WebhookPublisher.ActionOverdue;
import dev.platformmaturity.notification.WebhookPublisher.Occurrence;

/**
 * Works out which notifications are due from the state of quarters and assessments, and
 * records each in the outbox: quarters opened and closed since the last look, submissions
 * and reopenings in the assessments' history, and for the open quarter the reminder
 * before the due date, the weekly reminder once it has passed, and the leads' digest; and
 * the actions of teams that passed their due date (read through the action module's
 * published query).
 * <p>
 * Everything happens in one transaction that holds the scan's state row locked, so scans
 * never overlap (ShedLock keeps them on one instance besides); each message has an
 * idempotency key, so recording it again records nothing. The first scan only takes note
 * of the state (nothing that happened before it is announced).
 */
@Component
class DueNotifications {

	/**
	 * How old a history entry must be before the scan stops reading it again: an entry of
	 * a transaction that is still running is invisible until it commits, so the cursor
	 * stays behind the entries of the last minutes.
	 */
	static final Duration SETTLED = Duration.ofMinutes(10);

	private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
	};

	/** A quarter as the scan sees it. */
	record QuarterRow(long id, String label, LocalDate opensOn, LocalDate dueOn, String state) {

		Map<String, Object> details() {
			Map<String, Object> quarter = new LinkedHashMap<>();
			quarter.put("label", label);
			quarter.put("opensOn", opensOn.toString());
			quarter.put("dueOn", dueOn.toString());
			quarter.put("state", state);
			return quarter;
		}

	}

	/**
	 * Teams of the quarter that have not submitted, with their assessment's progress
	 * (none: not started).
	 */
	static final String NOT_SUBMITTED_TEAMS = """
			select t.id, t.slug, t.name, g.name as group_name, coalesce(a.status, 'NOT_STARTED') as status,
			       coalesce(a.reviewed_count, 0) as reviewed,
			       case when a.id is null then null
			            else (select count(*) from question qu where qu.model_version_id = a.model_version_id)::int
			       end as questions
			from team t
			join team_group g on g.id = t.group_id
			left join assessment a on a.team_id = t.id and a.quarter_id = :quarter
			where t.enabled and (a.status is null or a.status <> 'SUBMITTED')
			""";

	/**
	 * The teams that are overdue on {@code :day}, by the assessment module's one rule
	 * ({@link Overdue}). Overdue reminders, {@code assessment.overdue} deliveries and the
	 * overdue teams of the digest all read it.
	 */
	static final String OVERDUE_TEAMS = NOT_SUBMITTED_TEAMS
			+ "  and exists (select 1 from quarter q where q.id = :quarter and " + Overdue.condition("q", "a", ":day")
			+ ")\n";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NotificationProperties properties;

	private final NotificationSettings settings;

	private final NotificationChannels channels;

	private final WebhookPublisher webhooks;

	private final Outbox outbox;

	private final JsonMapper json;

	private final OverdueActions overdueActions;

	DueNotifications(JdbcClient jdbc, Clock clock, NotificationProperties properties, NotificationSettings settings,
			NotificationChannels channels, WebhookPublisher webhooks, Outbox outbox, JsonMapper json,
			OverdueActions overdueActions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.settings = settings;
		this.channels = channels;
		this.webhooks = webhooks;
		this.outbox = outbox;
		this.json = json;
		this.overdueActions = overdueActions;
	}

	/** Records what is due now; answers how many messages it recorded. */
	@Transactional
	int record() {
		Instant now = clock.instant();
		ZonedDateTime local = now.atZone(properties.zone());
		LocalDate today = local.toLocalDate();
		LocalTime reminderTime = properties.reminderTimeOfDay();
		LocalDate day = local.minusHours(reminderTime.getHour()).minusMinutes(reminderTime.getMinute()).toLocalDate();
		long cursor = lockState(now, today);
		int recorded = transitions(now, today) + assessmentEvents(cursor);
		Optional<OpenQuarter> open = openQuarter();
		if (open.isPresent()) {
			recorded += dueSoon(open.get(), day, now) + overdue(open.get(), day, now) + digest(open.get(), day, now);
		}
		recorded += overdueActions(day);
		outbox.forgetBefore(now.minus(properties.logRetention()));
		return recorded;
	}

	/**
	 * Each open action past its due date is announced once per due date (a new due date
	 * that passes is announced again), from the reminder time of the day after it.
	 * Nothing is read while no webhook subscribes to the event.
	 */
	private int overdueActions(LocalDate day) {
		if (!webhooks.anySubscribes(WebhookEvent.ACTION_OVERDUE)) {
			return 0;
		}
		int recorded = 0;
		for (OverdueAction action : overdueActions.on(day)) {
			recorded += webhooks.actionOverdue(new ActionOverdue(action.actionId(), action.title(), action.teamSlug(),
					action.teamName(), action.dueOn(), action.owner(), action.trackerUrl()));
		}
		return recorded;
	}

	/**
	 * Locks the scan's state and answers its cursor in the history. The first scan takes
	 * note of every quarter as it is and starts reading the history from its end: nothing
	 * that happened before is announced.
	 */
	private long lockState(Instant now, LocalDate today) {
		int first = jdbc.sql("""
				insert into notification_state (watching_since, event_cursor)
				select ?, coalesce(max(id), 0) from assessment_event
				on conflict (id) do nothing""").param(Timestamp.from(now)).update();
		if (first == 1) {
			jdbc.sql("""
					insert into notification_quarter (quarter_id, state, opened_on, opened_count)
					select id, state, case when state = 'OPEN' then ?::date end,
					       case when state = 'OPEN' then 1 else 0 end
					from quarter
					on conflict (quarter_id) do nothing""").param(today).update();
		}
		return jdbc.sql("select event_cursor from notification_state for update").query(Long.class).single();
	}

	// ------------------------------------------------------------------------------------
	// quarters opened and closed

	private int transitions(Instant now, LocalDate today) {
		record Transition(QuarterRow quarter, String seen, int openedCount, int closedCount) {
		}
		List<Transition> changed = jdbc.sql("""
				select q.id, q.label, q.opens_on, q.due_on, q.state, n.state as seen,
				       coalesce(n.opened_count, 0) as opened_count, coalesce(n.closed_count, 0) as closed_count
				from quarter q
				left join notification_quarter n on n.quarter_id = q.id
				where n.quarter_id is null or n.state <> q.state
				order by q.label""")
			.query((row, n) -> new Transition(quarter(row), row.getString("seen"), row.getInt("opened_count"),
					row.getInt("closed_count")))
			.list();
		int recorded = 0;
		for (Transition transition : changed) {
			QuarterRow quarter = transition.quarter();
			int opened = transition.openedCount();
			int closed = transition.closedCount();
			if (quarter.state().equals("OPEN")) {
				opened++;
				recorded += opened(quarter, opened, now, today);
			}
			else if (quarter.state().equals("CLOSED") && "OPEN".equals(transition.seen())) {
				closed++;
				recorded += closed(quarter, closed, now, today);
			}
			jdbc.sql("""
					insert into notification_quarter (quarter_id, state, opened_on, opened_count, closed_count)
					values (:quarter, :state, :openedOn, :opened, :closed)
					on conflict (quarter_id) do update
					set state = excluded.state,
					    opened_on = coalesce(excluded.opened_on, notification_quarter.opened_on),
					    opened_count = excluded.opened_count, closed_count = excluded.closed_count""")
				.param("quarter", quarter.id())
				.param("state", quarter.state())
				.param("openedOn", quarter.state().equals("OPEN") ? today : null, java.sql.Types.DATE)
				.param("opened", opened)
				.param("closed", closed)
				.update();
		}
		return recorded;
	}

	private int opened(QuarterRow quarter, int time, Instant now, LocalDate today) {
		int recorded = 0;
		if (channels.emailOn()) {
			recorded += memberEmails(EmailKind.QUARTER_OPENED, NOT_SUBMITTED_TEAMS, quarter, today, "q" + quarter.id(),
					ChronoUnit.DAYS.between(today, quarter.dueOn()), now);
		}
		recorded += webhooks.publish(new Occurrence(WebhookEvent.QUARTER_OPENED, "q" + quarter.id() + "-" + time, now,
				webhooks.link("/"), Map.of("quarter", quarter.details()), "webhook.text.quarter.opened",
				List.of(quarter.label(), quarter.dueOn().toString())), null, quarter.id());
		return recorded;
	}

	private int closed(QuarterRow quarter, int time, Instant now, LocalDate today) {
		Summary summary = summary(quarter, today, true);
		int recorded = 0;
		if (channels.emailOn()) {
			recorded += leadEmails(EmailKind.QUARTER_CLOSED, quarter, summary, "q" + quarter.id(), now);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("quarter", quarter.details());
		details.put("completion", completion(summary));
		recorded += webhooks.publish(new Occurrence(WebhookEvent.QUARTER_CLOSED, "q" + quarter.id() + "-" + time, now,
				webhooks.link("/dashboard?quarter=" + quarter.label()), details, "webhook.text.quarter.closed",
				List.of(quarter.label(), summary.submitted(), summary.teams())), null, quarter.id());
		return recorded;
	}

	// -------------------------------------------------------------------------------
	// submissions and reopenings

	/**
	 * Announces the submissions and reopenings in the history after the cursor, then
	 * moves the cursor to the newest settled entry. Entries of the last {@link #SETTLED}
	 * minutes are read again by later scans, in case an older one of a transaction that
	 * was still running appears; their deliveries are recorded once all the same.
	 */
	private int assessmentEvents(long cursor) {
		record Change(long id, String kind, String reason, Instant at, String by, String team, String teamName,
				String group, QuarterRow quarter, int reviewed, int questions) {
		}
		List<Change> changes = jdbc.sql("""
				select e.id as event_id, e.kind, e.reason, e.changed_at, p.display_name as changed_by, t.slug,
				       t.name as team_name, g.name as group_name, q.id, q.label, q.opens_on, q.due_on, q.state,
				       a.reviewed_count,
				       (select count(*) from question qu where qu.model_version_id = a.model_version_id) as questions
				from assessment_event e
				join assessment a on a.id = e.assessment_id
				join team t on t.id = a.team_id
				join team_group g on g.id = t.group_id
				join quarter q on q.id = a.quarter_id
				left join person p on p.id = e.changed_by
				where e.id > ? and e.kind in ('SUBMIT', 'REOPEN')
				order by e.id""")
			.param(cursor)
			.query((row, n) -> new Change(row.getLong("event_id"), row.getString("kind"), row.getString("reason"),
					row.getTimestamp("changed_at").toInstant(), row.getString("changed_by"), row.getString("slug"),
					row.getString("team_name"), row.getString("group_name"), quarter(row), row.getInt("reviewed_count"),
					row.getInt("questions")))
			.list();
		int recorded = 0;
		for (Change change : changes) {
			boolean submitted = change.kind().equals("SUBMIT");
			Map<String, Object> assessment = new LinkedHashMap<>();
			assessment.put("status", submitted ? "SUBMITTED" : "IN_PROGRESS");
			assessment.put("reviewed", change.reviewed());
			assessment.put("questions", change.questions());
			assessment.put("changedBy", change.by());
			if (!submitted) {
				assessment.put("reason", change.reason());
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("quarter", change.quarter().details());
			details.put("team", team(change.team(), change.teamName(), change.group()));
			details.put("assessment", assessment);
			List<Object> text = submitted ? List.of(change.teamName(), change.quarter().label())
					: List.of(change.teamName(), change.quarter().label(), String.valueOf(change.reason()));
			recorded += webhooks.publish(
					new Occurrence(submitted ? WebhookEvent.ASSESSMENT_SUBMITTED : WebhookEvent.ASSESSMENT_REOPENED,
							"e" + change.id(), change.at(), assessmentLink(change.team(), change.quarter().label()),
							details,
							submitted ? "webhook.text.assessment.submitted" : "webhook.text.assessment.reopened", text),
					change.at(), change.quarter().id());
		}
		jdbc.sql("""
				update notification_state
				set event_cursor = coalesce((select max(id) from assessment_event
				                             where id > :cursor
				                               and changed_at < now() - make_interval(mins => :settled)),
				                            :cursor)""")
			.param("cursor", cursor)
			.param("settled", (int) SETTLED.toMinutes())
			.update();
		return recorded;
	}

	// ------------------------------------------------------------------------------------------
	// the open quarter

	/** The open quarter and the day the scan first saw it open. */
	record OpenQuarter(QuarterRow quarter, LocalDate openedOn) {
	}

	private Optional<OpenQuarter> openQuarter() {
		return jdbc.sql("""
				select q.id, q.label, q.opens_on, q.due_on, q.state, n.opened_on
				from quarter q join notification_quarter n on n.quarter_id = q.id
				where q.state = 'OPEN'""")
			.query((row, n) -> new OpenQuarter(quarter(row), row.getObject("opened_on", LocalDate.class)))
			.optional();
	}

	/**
	 * The latest reminder day whose date has come, once: not for a date before the
	 * quarter was first seen open (the opening's e-mail names the due date), and not once
	 * the due date has passed.
	 */
	private int dueSoon(OpenQuarter open, LocalDate day, Instant now) {
		QuarterRow quarter = open.quarter();
		if (!channels.emailOn() || day.isAfter(quarter.dueOn())) {
			return 0;
		}
		Optional<Integer> latest = settings.current()
			.reminderDays()
			.stream()
			.filter(days -> !quarter.dueOn().minusDays(days).isAfter(day))
			.min(Comparator.naturalOrder());
		if (latest.isEmpty() || !quarter.dueOn().minusDays(latest.get()).isAfter(open.openedOn())
				|| !occasion(quarter, "DUE_SOON:" + latest.get(), now)) {
			return 0;
		}
		return memberEmails(EmailKind.DUE_SOON, NOT_SUBMITTED_TEAMS, quarter, day,
				"q" + quarter.id() + ":d" + latest.get(), ChronoUnit.DAYS.between(day, quarter.dueOn()), now);
	}

	/**
	 * Once the due date has passed: the day after it and then every seven days, the
	 * members of overdue teams are reminded; each overdue team is announced to webhooks
	 * once.
	 */
	private int overdue(OpenQuarter open, LocalDate day, Instant now) {
		QuarterRow quarter = open.quarter();
		if (!day.isAfter(quarter.dueOn())) {
			return 0;
		}
		long since = ChronoUnit.DAYS.between(quarter.dueOn(), day);
		long week = (since - 1) / 7;
		if (!occasion(quarter, "OVERDUE:" + week, now)) {
			return 0;
		}
		int recorded = 0;
		if (channels.emailOn()) {
			recorded += memberEmails(EmailKind.OVERDUE, OVERDUE_TEAMS, quarter, day, "q" + quarter.id() + ":w" + week,
					since, now);
		}
		for (TeamLine team : overdueTeams(quarter, day)) {
			Map<String, Object> assessment = new LinkedHashMap<>();
			assessment.put("status", team.status());
			assessment.put("reviewed", team.reviewed());
			assessment.put("questions", team.questions());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("quarter", quarter.details());
			details.put("team", team(team.slug(), team.name(), team.group()));
			details.put("assessment", assessment);
			recorded += webhooks
				.publish(new Occurrence(WebhookEvent.ASSESSMENT_OVERDUE, "q" + quarter.id() + "-" + team.slug(), now,
						assessmentLink(team.slug(), quarter.label()), details, "webhook.text.assessment.overdue",
						List.of(team.name(), quarter.label(), quarter.dueOn().toString())), null, quarter.id());
		}
		return recorded;
	}

	/**
	 * Weekly, on the digest day (or the first scan after it), once the quarter has been
	 * open for a day.
	 */
	private int digest(OpenQuarter open, LocalDate day, Instant now) {
		QuarterRow quarter = open.quarter();
		if (!channels.emailOn()) {
			return 0;
		}
		LocalDate digestDay = day.with(TemporalAdjusters.previousOrSame(settings.current().digestDay()));
		if (!digestDay.isAfter(open.openedOn()) || !occasion(quarter, "DIGEST:" + digestDay, now)) {
			return 0;
		}
		return leadEmails(EmailKind.DIGEST, quarter, summary(quarter, day, false), "q" + quarter.id() + ":" + digestDay,
				now);
	}

	/**
	 * True the first time an occasion of the quarter comes; its messages are then worked
	 * out.
	 */
	private boolean occasion(QuarterRow quarter, String occasion, Instant now) {
		return jdbc.sql("""
				insert into notification_occasion (quarter_id, occasion, recorded_at) values (?, ?, ?)
				on conflict (quarter_id, occasion) do nothing""")
			.params(quarter.id(), occasion, Timestamp.from(now))
			.update() == 1;
	}

	// ------------------------------------------------------------------------------------------------
	// e-mails

	/**
	 * One e-mail per member of the teams the query selects, listing those of the member's
	 * teams; to enabled people with an address who did not turn this kind off.
	 */
	private int memberEmails(EmailKind kind, String teams, QuarterRow quarter, LocalDate day, String key, long days,
			Instant now) {
		return jdbc.sql("with teams as (" + teams + ")" + """
				insert into notification_outbox (idempotency_key, channel, kind, person_id, quarter_id, recipient,
				                                 payload, next_attempt_at, created_at)
				select 'email:' || :kind || ':' || :key || ':p' || p.id, 'EMAIL', :kind, p.id, :quarter, p.email,
				       jsonb_build_object('quarter', :label, 'dueOn', :dueOn, 'days', :days,
				                          'teams', jsonb_agg(jsonb_build_object('slug', teams.slug, 'name', teams.name,
				                                                               'group', teams.group_name,
				                                                               'status', teams.status,
				                                                               'reviewed', teams.reviewed,
				                                                               'questions', teams.questions)
				                                             order by lower(teams.name), teams.slug))::text,
				       :now, :now
				from teams
				join membership m on m.team_id = teams.id
				join person p on p.id = m.person_id
				where p.enabled and p.email is not null and p.email <> ''
				  and not exists (select 1 from notification_opt_out o where o.person_id = p.id and o.kind = :kind)
				group by p.id, p.email
				on conflict (idempotency_key) do nothing""")
			.param("kind", kind.name())
			.param("key", key)
			.param("quarter", quarter.id())
			.param("label", quarter.label())
			.param("dueOn", quarter.dueOn().toString())
			.param("days", days)
			.param("day", day)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * One e-mail per platform lead and administrator with an address who did not turn
	 * this kind off.
	 */
	private int leadEmails(EmailKind kind, QuarterRow quarter, Summary summary, String key, Instant now) {
		return jdbc.sql("""
				insert into notification_outbox (idempotency_key, channel, kind, person_id, quarter_id, recipient,
				                                 payload, next_attempt_at, created_at)
				select 'email:' || :kind || ':' || :key || ':p' || p.id, 'EMAIL', :kind, p.id, :quarter, p.email,
				       :payload, :now, :now
				from person p
				where p.enabled and p.role in ('LEAD', 'ADMIN') and p.email is not null and p.email <> ''
				  and not exists (select 1 from notification_opt_out o where o.person_id = p.id and o.kind = :kind)
				on conflict (idempotency_key) do nothing""")
			.param("kind", kind.name())
			.param("key", key)
			.param("quarter", quarter.id())
			.param("payload", json.writeValueAsString(summary))
			.param("now", Timestamp.from(now))
			.update();
	}

	// -------------------------------------------------------------------------------------
	// how a quarter stands

	/**
	 * Completion, the teams that are late (overdue, or when closing: not submitted) and
	 * the biggest movers.
	 */
	Summary summary(QuarterRow quarter, LocalDate day, boolean closing) {
		record Counts(int teams, int submitted, int inProgress, int notStarted) {
		}
		Counts counts = jdbc.sql("""
				select count(*) as teams, count(*) filter (where a.status = 'SUBMITTED') as submitted,
				       count(*) filter (where a.status = 'IN_PROGRESS') as in_progress,
				       count(*) filter (where a.id is null) as not_started
				from team t left join assessment a on a.team_id = t.id and a.quarter_id = ?
				where t.enabled""")
			.param(quarter.id())
			.query((row, n) -> new Counts(row.getInt("teams"), row.getInt("submitted"), row.getInt("in_progress"),
					row.getInt("not_started")))
			.single();
		List<TeamLine> late = new ArrayList<>();
		int lateCount = countedTeams(closing ? NOT_SUBMITTED_TEAMS : OVERDUE_TEAMS, quarter, day, late,
				Summary.LATE_SHOWN);
		return new Summary(quarter.label(), quarter.dueOn(), ChronoUnit.DAYS.between(day, quarter.dueOn()),
				counts.teams(), counts.submitted(), counts.inProgress(), counts.notStarted(), late,
				lateCount - late.size(), movers(quarter));
	}

	/**
	 * The overdue teams of the open quarter on a day, by name: the overdue rule applied.
	 */
	List<TeamLine> overdueTeams(QuarterRow quarter, LocalDate day) {
		List<TeamLine> teams = new ArrayList<>();
		countedTeams(OVERDUE_TEAMS, quarter, day, teams, Integer.MAX_VALUE);
		return teams;
	}

	/**
	 * Adds up to {@code limit} teams of the query to {@code shown} and answers how many
	 * there are in all.
	 */
	private int countedTeams(String query, QuarterRow quarter, LocalDate day, List<TeamLine> shown, int limit) {
		int[] total = { 0 };
		jdbc.sql("select teams.*, count(*) over () as total from (" + query
				+ ") teams order by lower(teams.name), teams.slug limit :limit")
			.param("quarter", quarter.id())
			.param("day", day)
			.param("limit", limit)
			.query(row -> {
				total[0] = row.getInt("total");
				shown.add(new TeamLine(row.getString("slug"), row.getString("name"), row.getString("group_name"),
						row.getString("status"), row.getInt("reviewed"), row.getObject("questions", Integer.class)));
			});
		return total[0];
	}

	/**
	 * The five largest changes of an aspect's score (rounded as shown, two decimals)
	 * between a team's submitted assessment of this quarter and its latest submitted
	 * assessment before.
	 */
	private List<Mover> movers(QuarterRow quarter) {
		return jdbc.sql("""
				with scores as (
				    select a.team_id, asp.key, asp.id as aspect_id,
				           round(s.level_sum::numeric / s.level_count, 2) as score
				    from assessment a
				    join team t on t.id = a.team_id and t.enabled
				    join assessment_aspect_score s on s.assessment_id = a.id and s.level_count > 0
				    join aspect asp on asp.id = s.aspect_id
				    where a.quarter_id = :quarter and a.status = 'SUBMITTED'
				), earlier as (
				    select distinct on (a.team_id, asp.key) a.team_id, asp.key, q.label,
				           round(s.level_sum::numeric / s.level_count, 2) as score
				    from assessment a
				    join quarter q on q.id = a.quarter_id and q.label < :label
				    join assessment_aspect_score s on s.assessment_id = a.id and s.level_count > 0
				    join aspect asp on asp.id = s.aspect_id
				    where a.status = 'SUBMITTED' and a.team_id in (select team_id from scores)
				    order by a.team_id, asp.key, q.label desc
				)
				select t.slug, t.name, n.key, e.label as earlier_quarter, e.score as before, n.score as after,
				       (select jsonb_object_agg(tx.lang, tx.name) from aspect_text tx
				        where tx.aspect_id = n.aspect_id and tx.name is not null)::text as names
				from scores n
				join earlier e on e.team_id = n.team_id and e.key = n.key
				join team t on t.id = n.team_id
				where n.score <> e.score
				order by abs(n.score - e.score) desc, lower(t.name), n.key
				limit 5""")
			.param("quarter", quarter.id())
			.param("label", quarter.label())
			.query((row, n) -> new Mover(row.getString("slug"), row.getString("name"), row.getString("key"),
					row.getString("names") == null ? Map.of() : json.readValue(row.getString("names"), NAMES),
					row.getString("earlier_quarter"), row.getBigDecimal("before"), row.getBigDecimal("after")))
			.list();
	}

	private static Map<String, Object> completion(Summary summary) {
		Map<String, Object> completion = new LinkedHashMap<>();
		completion.put("teams", summary.teams());
		completion.put("submitted", summary.submitted());
		completion.put("inProgress", summary.inProgress());
		completion.put("notStarted", summary.notStarted());
		return completion;
	}

	private static Map<String, Object> team(String slug, String name, String group) {
		Map<String, Object> team = new LinkedHashMap<>();
		team.put("slug", slug);
		team.put("name", name);
		if (group != null) {
			team.put("group", group);
		}
		return team;
	}

	private String assessmentLink(String team, String quarter) {
		return webhooks.link("/teams/" + team + "/assessments/" + quarter);
	}

	private static QuarterRow quarter(ResultSet row) throws SQLException {
		return new QuarterRow(row.getLong("id"), row.getString("label"), row.getObject("opens_on", LocalDate.class),
				row.getObject("due_on", LocalDate.class), row.getString("state"));
	}

}
