package dev.platformmaturity.notification;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the scan ({@code app.notification.scan-interval}, once per cluster by
 * ShedLock's JDBC lock) and the senders ({@code app.notification.send-interval}, on every
 * instance), and says at start-up whether notifications are on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class NotificationConfiguration implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	private final NotificationProperties properties;

	private final ObjectProvider<NotificationScan> scan;

	private final ObjectProvider<OutboxSender> sender;

	NotificationConfiguration(NotificationProperties properties, ObjectProvider<NotificationScan> scan,
			ObjectProvider<OutboxSender> sender) {
		this.properties = properties;
		this.scan = scan;
		this.sender = sender;
	}

	/**
	 * ShedLock's locks live in the {@code shedlock} table and expire by the database's
	 * clock.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(() -> scan.getObject().scan(), properties.scanInterval(),
				properties.scanInterval()));
		tasks.addFixedDelayTask(new FixedDelayTask(() -> sender.getObject().wakeUp(), properties.sendInterval(),
				properties.sendInterval()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void tellWhetherNotificationsAreOn(ApplicationReadyEvent ready) {
		NotificationChannels channels = ready.getApplicationContext().getBean(NotificationChannels.class);
		int webhooks;
		try {
			webhooks = channels.enabledWebhooks();
		}
		catch (RuntimeException unknown) {
			log.warn("Notifications: cannot tell whether webhooks are registered: {}",
					DeliveryException.describe(unknown));
			return;
		}
		if (!channels.emailOn() && webhooks == 0) {
			log.info("Notifications are off: no SMTP server is configured (spring.mail.host) and no webhook is "
					+ "registered; nothing is sent");
			return;
		}
		log.info("Notifications are on: e-mail {}; {} webhook(s) registered",
				channels.emailOn() ? "through " + channels.smtpServer() + " from " + properties.mailFrom()
						+ ", linking to " + properties.publicBaseUrl()
						: "off (no SMTP server is configured: spring.mail.host)",
				webhooks);
	}

}
