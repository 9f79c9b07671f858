package dev.platformmaturity.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Which ways of notifying are on. E-mail: when Spring Boot's mail settings name an SMTP
 * server ({@code spring.mail.host}), which also requires
 * {@code app.notification.public-base-url} and {@code app.notification.mail-from}
 * (checked at start-up). Webhooks: when an administrator registered an enabled one.
 * Nothing is recorded or sent while both are off.
 */
@Component
class NotificationChannels {

	private final JavaMailSender mailSender;

	private final InternetAddress sender;

	private final JdbcClient jdbc;

	NotificationChannels(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
			JdbcClient jdbc) {
		this.mailSender = mailSender.getIfAvailable();
		this.jdbc = jdbc;
		this.sender = this.mailSender == null ? null : checkedSender(properties);
	}

	/**
	 * E-mail needs links people can open and a sender; without them the application does
	 * not start.
	 */
	private static InternetAddress checkedSender(NotificationProperties properties) {
		if (properties.publicBaseUrl() == null) {
			throw new InvalidNotificationSettingException("app.notification.public-base-url",
					"is required when e-mail is on (spring.mail.host is set): e-mails link to the application",
					"the address people open the application at, like https://maturity.example.org");
		}
		if (properties.mailFrom() == null) {
			throw new InvalidNotificationSettingException("app.notification.mail-from",
					"is required when e-mail is on (spring.mail.host is set)",
					"the sender of notifications, like Platform Maturity <maturity@example.org>");
		}
		try {
			return new InternetAddress(properties.mailFrom(), true);
		}
		catch (AddressException invalid) {
			throw new InvalidNotificationSettingException("app.notification.mail-from",
					"is not an e-mail address: " + invalid.getMessage(),
					"an address like Platform Maturity <maturity@example.org>");
		}
	}

	boolean emailOn() {
		return mailSender != null;
	}

	JavaMailSender mailSender() {
		return mailSender;
	}

	InternetAddress sender() {
		return sender;
	}

	/**
	 * The SMTP server, as {@code host:port}, for the start-up log and the administration
	 * page.
	 */
	String smtpServer() {
		if (mailSender instanceof JavaMailSenderImpl impl) {
			return impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25);
		}
		return mailSender == null ? null : "JNDI";
	}

	int enabledWebhooks() {
		return jdbc.sql("select count(*) from notification_webhook where enabled").query(Integer.class).single();
	}

	boolean anyOn() {
		return emailOn() || enabledWebhooks() > 0;
	}

}
