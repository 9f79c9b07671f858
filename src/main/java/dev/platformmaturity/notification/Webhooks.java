package dev.platformmaturity.notification;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;

/**
 * The webhooks administrators register: a name, an address that {@link WebhookAddresses}
 * accepts, the events it wants, the language of its texts and a secret that signs every
 * delivery. The secret is generated at registration and shown to administrators, who give
 * it to the receiving side.
 */
@Component
class Webhooks {

	static final int NAME_LENGTH = 100;

	static final List<String> LANGUAGES = List.of("en", "zh-CN");

	/** A registered webhook. */
	record Webhook(long id, String name, String url, List<WebhookEvent> events, String language, String secret,
			boolean enabled, Instant createdAt, long version) {

		public List<String> eventNames() {
			return events.stream().map(WebhookEvent::eventName).toList();
		}

		WebhookForm form() {
			return new WebhookForm(version, name, url, eventNames(), language, enabled);
		}

	}

	private final JdbcClient jdbc;

	private final WebhookAddresses addresses;

	private final WebhookPublisher publisher;

	private final SecureRandom random = new SecureRandom();

	Webhooks(JdbcClient jdbc, WebhookAddresses addresses, WebhookPublisher publisher) {
		this.jdbc = jdbc;
		this.addresses = addresses;
		this.publisher = publisher;
	}

	private static final String WEBHOOK = """
			select id, name, url, events, language, secret, enabled, created_at, version from notification_webhook
			""";

	@Transactional(readOnly = true)
	List<Webhook> all() {
		return jdbc.sql(WEBHOOK + "order by lower(name), id").query(Webhooks::webhook).list();
	}

	@Transactional(readOnly = true)
	Webhook find(long id) {
		return jdbc.sql(WEBHOOK + "where id = ?")
			.param(id)
			.query(Webhooks::webhook)
			.optional()
			.orElseThrow(() -> new WebhookNotFoundException(id));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Webhook create(WebhookForm form, long personId) {
		List<WebhookEvent> events = checked(form);
		long id = jdbc.sql("""
				insert into notification_webhook (name, url, events, language, secret, enabled, created_by)
				values (?, ?, ?::varchar[], ?, ?, ?, ?) returning id""")
			.params(form.name().strip(), form.url().strip(), array(events), form.language(), newSecret(), form.active(),
					personId)
			.query(Long.class)
			.single();
		return find(id);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Webhook update(long id, WebhookForm form) {
		find(id);
		List<WebhookEvent> events = checked(form);
		int updated = jdbc.sql("""
				update notification_webhook
				set name = ?, url = ?, events = ?::varchar[], language = ?, enabled = ?, version = version + 1
				where id = ? and version = ?""")
			.params(form.name().strip(), form.url().strip(), array(events), form.language(), form.active(), id,
					form.expectedVersion())
			.update();
		if (updated == 0) {
			throw new InvalidWebhookException(
					List.of(new FieldProblem("version", "notification.webhook.changedMeanwhile")));
		}
		return find(id);
	}

	/** Removes a webhook; its deliveries stay in the log. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Webhook delete(long id) {
		Webhook webhook = find(id);
		jdbc.sql("delete from notification_webhook where id = ?").param(id).update();
		return webhook;
	}

	/** Records a test delivery to the webhook, sent like any other. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Webhook sendTest(long id) {
		Webhook webhook = find(id);
		publisher.test(id);
		return webhook;
	}

	/** The events of a valid form, or every problem of the form. */
	private List<WebhookEvent> checked(WebhookForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.name() == null || form.name().isBlank()) {
			problems.add(new FieldProblem("name", "notification.webhook.name.required"));
		}
		else if (form.name().strip().codePointCount(0, form.name().strip().length()) > NAME_LENGTH) {
			problems.add(new FieldProblem("name", "notification.webhook.name.tooLong", NAME_LENGTH));
		}
		addresses.problem(form.url()).ifPresent(problems::add);
		List<WebhookEvent> events = new ArrayList<>();
		for (String name : form.chosenEvents()) {
			Optional<WebhookEvent> event = WebhookEvent.byName(name).filter(WebhookEvent::subscribable);
			if (event.isEmpty()) {
				problems.add(new FieldProblem("events", "notification.webhook.events.unknown", name));
			}
			else if (!events.contains(event.get())) {
				events.add(event.get());
			}
		}
		if (form.chosenEvents().isEmpty()) {
			problems.add(new FieldProblem("events", "notification.webhook.events.empty"));
		}
		if (!LANGUAGES.contains(form.language())) {
			problems.add(new FieldProblem("language", "notification.webhook.language.invalid", form.language()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidWebhookException(problems);
		}
		return events;
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String array(List<WebhookEvent> events) {
		return "{" + String.join(",", events.stream().map(WebhookEvent::eventName).toList()) + "}";
	}

	private static Webhook webhook(ResultSet row, int n) throws SQLException {
		return new Webhook(row.getLong("id"), row.getString("name"), row.getString("url"),
				events(row.getArray("events")), row.getString("language"), row.getString("secret"),
				row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(), row.getLong("version"));
	}

	private static List<WebhookEvent> events(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).flatMap(name -> WebhookEvent.byName(name).stream()).toList();
	}

	/** A webhook that cannot be stored; each problem names its field. */
	static class InvalidWebhookException extends RuntimeException {

		private final transient List<FieldProblem> problems;

		InvalidWebhookException(List<FieldProblem> problems) {
			super("Invalid webhook: " + problems);
			this.problems = problems;
		}

		List<FieldProblem> problems() {
			return problems;
		}

	}

}
