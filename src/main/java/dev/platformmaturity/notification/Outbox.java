package dev.platformmaturity.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox and the log of notifications. A message is recorded once per idempotency
 * key, before anything is sent; senders claim due messages for
 * {@link NotificationProperties#CLAIM}, send them outside any transaction, and record the
 * outcome: sent, a retry after a back-off, or failed for good after the last try.
 */
@Component
class Outbox {

	enum Channel {

		EMAIL, WEBHOOK

	}

	enum Status {

		PENDING, SENDING, SENT, FAILED

	}

	/** A claimed message, to be sent now; {@code attempts} counts this try. */
	record Message(long id, Channel channel, String kind, Long personId, Long webhookId, Long quarterId,
			String recipient, String payload, int attempts) {
	}

	/** A line of the log. */
	record Entry(long id, Instant createdAt, Channel channel, String kind, String recipient, String personName,
			String webhookName, String quarter, Status status, int attempts, Instant nextAttemptAt, Instant sentAt,
			String lastError) {

		public boolean retriable() {
			return status == Status.FAILED;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NotificationProperties properties;

	Outbox(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Records a message unless one with the key exists; true when it was recorded now.
	 */
	boolean record(String key, Channel channel, String kind, Long personId, Long webhookId, Long quarterId,
			String recipient, String payload) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				insert into notification_outbox (idempotency_key, channel, kind, person_id, webhook_id, quarter_id,
				                                 recipient, payload, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (idempotency_key) do nothing""")
			.params(key, channel.name(), kind, personId, webhookId, quarterId, recipient, payload, now, now)
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} due messages: pending ones whose time has come, and
	 * claims that ran out.
	 */
	@Transactional
	List<Message> claim(int limit) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update notification_outbox o
				set status = 'SENDING', locked_until = :until, attempts = o.attempts + 1
				where o.id in (select id from notification_outbox
				               where (status = 'PENDING' and next_attempt_at <= :now)
				                  or (status = 'SENDING' and locked_until <= :now)
				               order by next_attempt_at, id
				               limit :limit
				               for update skip locked)
				returning o.id, o.channel, o.kind, o.person_id, o.webhook_id, o.quarter_id, o.recipient, o.payload,
				          o.attempts""")
			.param("until", Timestamp.from(now.plus(NotificationProperties.CLAIM)))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((row, n) -> new Message(row.getLong("id"), Channel.valueOf(row.getString("channel")),
					row.getString("kind"), row.getObject("person_id", Long.class),
					row.getObject("webhook_id", Long.class), row.getObject("quarter_id", Long.class),
					row.getString("recipient"), row.getString("payload"), row.getInt("attempts")))
			.list();
	}

	void sent(Message message, String recipient) {
		jdbc.sql("""
				update notification_outbox
				set status = 'SENT', sent_at = ?, locked_until = null, last_error = null, recipient = ?
				where id = ? and status = 'SENDING'""")
			.params(Timestamp.from(clock.instant()), recipient, message.id())
			.update();
	}

	/**
	 * Records a failed try: tried again after the back-off, or failed for good after the
	 * last try or when trying again cannot help.
	 */
	void failed(Message message, String recipient, String reason, boolean permanent) {
		Instant now = clock.instant();
		boolean last = permanent || message.attempts() >= properties.maxAttempts();
		jdbc.sql("""
				update notification_outbox
				set status = ?, next_attempt_at = ?, locked_until = null, last_error = ?, recipient = ?
				where id = ? and status = 'SENDING'""")
			.params(last ? Status.FAILED.name() : Status.PENDING.name(),
					Timestamp.from(last ? now : now.plus(properties.retryAfter(message.attempts()))),
					abbreviate(reason), recipient, message.id())
			.update();
	}

	/**
	 * Tries a failed message again, with all its tries; false when there is no failed
	 * message of that id.
	 */
	boolean retry(long id) {
		return jdbc.sql("""
				update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?
				where id = ? and status = 'FAILED'""").params(Timestamp.from(clock.instant()), id).update() == 1;
	}

	private static final String ENTRY = """
			select o.id, o.created_at, o.channel, o.kind, o.recipient, p.display_name, w.name as webhook_name,
			       q.label, o.status, o.attempts, o.next_attempt_at, o.sent_at, o.last_error
			from notification_outbox o
			left join person p on p.id = o.person_id
			left join notification_webhook w on w.id = o.webhook_id
			left join quarter q on q.id = o.quarter_id
			""";

	/** The log, newest first, optionally only messages of one status. */
	@Transactional(readOnly = true)
	Page<Entry> log(Status status, Pageable page) {
		String where = status == null ? "" : "where o.status = :status ";
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from notification_outbox o " + where);
		JdbcClient.StatementSpec entries = jdbc
			.sql(ENTRY + where + "order by o.created_at desc, o.id desc limit :limit offset :offset")
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset());
		if (status != null) {
			count = count.param("status", status.name());
			entries = entries.param("status", status.name());
		}
		return new PageImpl<>(entries.query(Outbox::entry).list(), page, count.query(Long.class).single());
	}

	long count(Status status) {
		return jdbc.sql("select count(*) from notification_outbox where status = ?")
			.param(status.name())
			.query(Long.class)
			.single();
	}

	/** The latest deliveries to one webhook, newest first. */
	@Transactional(readOnly = true)
	List<Entry> ofWebhook(long webhookId, int limit) {
		return jdbc.sql(ENTRY + "where o.webhook_id = ? order by o.id desc limit ?")
			.params(webhookId, limit)
			.query(Outbox::entry)
			.list();
	}

	/** Forgets sent and failed messages recorded before {@code cutoff}. */
	int forgetBefore(Instant cutoff) {
		return jdbc.sql("delete from notification_outbox where status in ('SENT', 'FAILED') and created_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	private static Entry entry(ResultSet row, int n) throws SQLException {
		return new Entry(row.getLong("id"), instant(row, "created_at"), Channel.valueOf(row.getString("channel")),
				row.getString("kind"), row.getString("recipient"), row.getString("display_name"),
				row.getString("webhook_name"), row.getString("label"), Status.valueOf(row.getString("status")),
				row.getInt("attempts"), instant(row, "next_attempt_at"), instant(row, "sent_at"),
				row.getString("last_error"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static String abbreviate(String reason) {
		String text = reason == null || reason.isBlank() ? "unknown failure" : reason.strip();
		return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
	}

}
