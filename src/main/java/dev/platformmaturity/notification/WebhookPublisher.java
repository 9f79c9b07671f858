package dev.platformmaturity.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces events to the webhooks that subscribe to them: one delivery per enabled
 * webhook, recorded in the outbox within the caller's transaction (so it is sent if and
 * only if the caller's change is committed), and sent with retries by the outbox's
 * senders. The body follows {@code docs/webhook-payload.schema.json}:
 * {@code schemaVersion}, {@code id}, {@code event}, {@code occurredAt}, {@code text} (in
 * the webhook's language, for Slack and Teams), {@code url}, and the event's details
 * ({@code quarter}, {@code team}, {@code assessment}, {@code completion},
 * {@code action}).
 * <p>
 * Another module announces an event with {@link #publish(Occurrence)}, or for an overdue
 * action with {@link #actionOverdue(ActionOverdue)}.
 */
@Service
public class WebhookPublisher {

	static final int SCHEMA_VERSION = 1;

	/**
	 * One occurrence of an event.
	 *
	 * @param event what happened
	 * @param key what makes this occurrence unique among those of the event (an id, a
	 * quarter and a team…); publishing the same event and key again records nothing
	 * @param occurredAt when it happened
	 * @param url the page about it, or null
	 * @param details the body's fields beside the common ones, such as {@code team} and
	 * {@code quarter}
	 * @param textCode the message code of the chat text; its arguments follow
	 * @param textArguments the arguments of the text
	 */
	public record Occurrence(WebhookEvent event, String key, Instant occurredAt, String url,
			Map<String, Object> details, String textCode, List<Object> textArguments) {
	}

	/**
	 * An action of a team that passed its due date, for
	 * {@link #actionOverdue(ActionOverdue)}.
	 *
	 * @param actionId the action's id
	 * @param title what the team decided to do
	 * @param teamSlug the team's slug
	 * @param teamName the team's name
	 * @param dueOn when it was due
	 * @param owner who owns it, or null
	 * @param trackerUrl the link to the team's tracker, or null
	 */
	public record ActionOverdue(long actionId, String title, String teamSlug, String teamName, LocalDate dueOn,
			String owner, String trackerUrl) {
	}

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final MessageSource messages;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	WebhookPublisher(JdbcClient jdbc, Outbox outbox, MessageSource messages, JsonMapper json,
			NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.messages = messages;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether an enabled webhook subscribes to the event. */
	boolean anySubscribes(WebhookEvent event) {
		return jdbc.sql("select exists (select 1 from notification_webhook where enabled and ? = any(events))")
			.param(event.eventName())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Records a delivery of the occurrence to every enabled webhook that subscribes to
	 * its event.
	 */
	@Transactional
	public int publish(Occurrence occurrence) {
		return publish(occurrence, null, null);
	}

	/** Announces that an action is overdue, once per action and due date. */
	@Transactional
	public int actionOverdue(ActionOverdue action) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("team", Map.of("slug", action.teamSlug(), "name", action.teamName()));
		Map<String, Object> about = new LinkedHashMap<>();
		about.put("id", action.actionId());
		about.put("title", action.title());
		about.put("dueOn", action.dueOn().toString());
		about.put("owner", action.owner());
		about.put("trackerUrl", action.trackerUrl());
		details.put("action", about);
		String page = "/teams/" + action.teamSlug() + "/actions/" + action.actionId();
		return publish(new Occurrence(WebhookEvent.ACTION_OVERDUE, "action-" + action.actionId() + "-" + action.dueOn(),
				clock.instant(), link(page), details, "webhook.text.action.overdue",
				List.of(action.title(), action.teamName(), action.dueOn().toString())));
	}

	/**
	 * Records the deliveries; with {@code registeredBy}, only to webhooks registered by
	 * then (an event read back from the history goes only to webhooks that existed when
	 * it happened). The quarter, when given, is shown in the log.
	 */
	int publish(Occurrence occurrence, Instant registeredBy, Long quarterId) {
		String subscribers = """
				select id, url, language, name from notification_webhook
				where enabled and ? = any(events)""" + (registeredBy == null ? "" : " and created_at <= ?");
		JdbcClient.StatementSpec query = jdbc.sql(subscribers).param(occurrence.event().eventName());
		if (registeredBy != null) {
			query = query.param(Timestamp.from(registeredBy));
		}
		List<Subscriber> webhooks = query
			.query((row, n) -> new Subscriber(row.getLong("id"), row.getString("url"), row.getString("language"),
					row.getString("name")))
			.list();
		int recorded = 0;
		for (Subscriber webhook : webhooks) {
			recorded += record(webhook, occurrence, quarterId) ? 1 : 0;
		}
		return recorded;
	}

	/**
	 * A test delivery to one webhook, whatever it subscribes to; each call is a delivery
	 * of its own.
	 */
	@Transactional
	void test(long webhookId) {
		Subscriber webhook = jdbc.sql("select id, url, language, name from notification_webhook where id = ?")
			.param(webhookId)
			.query((row, n) -> new Subscriber(row.getLong("id"), row.getString("url"), row.getString("language"),
					row.getString("name")))
			.optional()
			.orElseThrow(() -> new WebhookNotFoundException(webhookId));
		record(webhook,
				new Occurrence(WebhookEvent.TEST, UUID.randomUUID().toString(), clock.instant(),
						properties.publicBaseUrl(), Map.of("webhook", Map.of("name", webhook.name())),
						"webhook.text.test", List.of(webhook.name())),
				null);
	}

	private boolean record(Subscriber webhook, Occurrence occurrence, Long quarterId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemaVersion", SCHEMA_VERSION);
		body.put("id", UUID.randomUUID().toString());
		body.put("event", occurrence.event().eventName());
		body.put("occurredAt", occurrence.occurredAt().truncatedTo(ChronoUnit.SECONDS).toString());
		String text = messages.getMessage(occurrence.textCode(), occurrence.textArguments().toArray(),
				Locale.forLanguageTag(webhook.language()));
		body.put("text", occurrence.url() == null ? text : text + " " + occurrence.url());
		body.put("url", occurrence.url());
		body.putAll(occurrence.details());
		return outbox.record("webhook:" + webhook.id() + ":" + occurrence.event().eventName() + ":" + occurrence.key(),
				Outbox.Channel.WEBHOOK, occurrence.event().eventName(), null, webhook.id(), quarterId, webhook.url(),
				json.writeValueAsString(body));
	}

	/** A link into the application, or null when its public address is not set. */
	String link(String path) {
		return properties.publicBaseUrl() == null ? null : properties.publicBaseUrl() + path;
	}

	private record Subscriber(long id, String url, String language, String name) {
	}

}
