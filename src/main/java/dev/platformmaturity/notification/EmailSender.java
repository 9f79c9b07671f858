package dev.platformmaturity.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends a recorded e-mail through the organisation's SMTP server: plain text and HTML, in
 * the recipient's language, with one-click unsubscribe headers (RFC 2369, RFC 8058) and a
 * Message-ID derived from the outbox row, so that a message sent twice after a crash is
 * the same message to mail programs.
 */
@Component
class EmailSender {

	private final NotificationChannels channels;

	private final EmailMessages messages;

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	private final Clock clock;

	EmailSender(NotificationChannels channels, EmailMessages messages, JdbcClient jdbc,
			NotificationProperties properties, Clock clock) {
		this.channels = channels;
		this.messages = messages;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends the message and answers the address it went to. */
	String send(Outbox.Message message) throws DeliveryException {
		if (!channels.emailOn()) {
			throw DeliveryException.retry("E-mail is off: no SMTP server is configured (spring.mail.host)");
		}
		EmailMessages.Recipient recipient = recipient(message);
		EmailMessages.Rendered rendered = messages.render(EmailKind.valueOf(message.kind()), recipient,
				message.payload());
		try {
			MimeMessage mime = channels.mailSender().createMimeMessage();
			mime.setFrom(channels.sender());
			mime.setRecipient(MimeMessage.RecipientType.TO,
					new InternetAddress(recipient.email(), recipient.name(), StandardCharsets.UTF_8.name()));
			mime.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
			mime.setSentDate(Date.from(clock.instant()));
			mime.setHeader("Message-ID", "<notification-" + message.id() + "@" + host() + ">");
			mime.setHeader("Content-Language", recipient.language());
			mime.setHeader("Auto-Submitted", "auto-generated");
			mime.setHeader("X-Auto-Response-Suppress", "All");
			mime.setHeader("List-Unsubscribe", "<" + rendered.unsubscribe() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
			mime.setContent(new MimeMultipart("alternative", text, html));
			channels.mailSender().send(mime);
			return recipient.email();
		}
		catch (MailException | MessagingException | java.io.UnsupportedEncodingException failed) {
			throw DeliveryException.retry(DeliveryException.describe(failed));
		}
	}

	/**
	 * The person as they are now: removed, disabled or without an address, nothing is
	 * sent.
	 */
	private EmailMessages.Recipient recipient(Outbox.Message message) throws DeliveryException {
		if (message.personId() == null) {
			throw DeliveryException.permanent("The person was removed; nothing was sent");
		}
		EmailMessages.Recipient recipient = jdbc.sql("""
				select id, display_name, email, preferred_language from person where id = ? and enabled""")
			.param(message.personId())
			.query((row, n) -> new EmailMessages.Recipient(row.getLong("id"), row.getString("display_name"),
					row.getString("email"), row.getString("preferred_language")))
			.optional()
			.orElseThrow(() -> DeliveryException.permanent("The person is disabled or was removed; nothing was sent"));
		if (recipient.email() == null || recipient.email().isBlank()) {
			throw DeliveryException.permanent("The person has no e-mail address any more; nothing was sent");
		}
		return recipient;
	}

	private String host() {
		return URI.create(properties.publicBaseUrl()).getHost();
	}

}
