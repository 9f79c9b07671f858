package dev.platformmaturity.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The scheduled look for due notifications, on one instance of the cluster at a time
 * (ShedLock's lock in PostgreSQL, by the database's clock). Does nothing while no way of
 * notifying is on. Runs every {@code app.notification.scan-interval}.
 */
@Component
class NotificationScan {

	static final String LOCK = "notification-scan";

	private static final Logger log = LoggerFactory.getLogger(NotificationScan.class);

	private final NotificationChannels channels;

	private final DueNotifications due;

	private final OutboxSender sender;

	NotificationScan(NotificationChannels channels, DueNotifications due, OutboxSender sender) {
		this.channels = channels;
		this.due = due;
		this.sender = sender;
	}

	@SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
	public void scan() {
		try {
			if (!channels.anyOn()) {
				return;
			}
			int recorded = due.record();
			if (recorded > 0) {
				log.info("Recorded {} notification(s) to send", recorded);
				sender.wakeUp();
			}
		}
		catch (RuntimeException failed) {
			log.warn("Could not look for due notifications: {}", DeliveryException.describe(failed));
		}
	}

}
