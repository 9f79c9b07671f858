package dev.platformmaturity.notification;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every instance: claims as many due messages as it has
 * free senders ({@code app.notification.parallel-deliveries}), sends each on a thread of
 * its own, and records the outcome. A slow or hanging receiver holds one sender until its
 * timeout, never the others, and never a request: pages only record messages and wake the
 * senders up.
 */
@Component
class OutboxSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final Outbox outbox;

	private final EmailSender email;

	private final WebhookSender webhooks;

	private final NotificationProperties properties;

	private final Semaphore free;

	private final ExecutorService claiming = Executors.newSingleThreadExecutor(named("notification-claims"));

	private final ExecutorService sending;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	OutboxSender(Outbox outbox, EmailSender email, WebhookSender webhooks, NotificationProperties properties) {
		this.outbox = outbox;
		this.email = email;
		this.webhooks = webhooks;
		this.properties = properties;
		this.free = new Semaphore(properties.parallelDeliveries());
		this.sending = Executors.newFixedThreadPool(properties.parallelDeliveries(), named("notification-sender"));
	}

	/**
	 * Looks for due messages soon, without waiting for them: after recording, on
	 * schedule, after each delivery.
	 */
	void wakeUp() {
		if (wakeUpPending.compareAndSet(false, true)) {
			try {
				claiming.execute(this::sendDue);
			}
			catch (RejectedExecutionException shuttingDown) {
				wakeUpPending.set(false);
			}
		}
	}

	private void sendDue() {
		wakeUpPending.set(false);
		int senders = free.drainPermits();
		if (senders == 0) {
			return;
		}
		List<Outbox.Message> claimed;
		try {
			claimed = outbox.claim(senders);
		}
		catch (RuntimeException failed) {
			free.release(senders);
			log.warn("Could not look for notifications to send: {}", DeliveryException.describe(failed));
			return;
		}
		free.release(senders - claimed.size());
		for (Outbox.Message message : claimed) {
			try {
				sending.execute(() -> {
					try {
						deliver(message);
					}
					finally {
						free.release();
						wakeUp();
					}
				});
			}
			catch (RejectedExecutionException shuttingDown) {
				free.release();
			}
		}
	}

	private void deliver(Outbox.Message message) {
		String recipient;
		try {
			recipient = switch (message.channel()) {
				case EMAIL -> email.send(message);
				case WEBHOOK -> webhooks.send(message);
			};
		}
		catch (DeliveryException failed) {
			fail(message, message.recipient(), failed.getMessage(), failed.permanent());
			return;
		}
		catch (RuntimeException failed) {
			fail(message, message.recipient(), DeliveryException.describe(failed), false);
			return;
		}
		try {
			outbox.sent(message, recipient);
		}
		catch (RuntimeException notRecorded) {
			log.warn("Notification {} was sent, but that could not be recorded: {}", message.id(),
					DeliveryException.describe(notRecorded));
		}
	}

	private void fail(Outbox.Message message, String recipient, String reason, boolean permanent) {
		boolean last = permanent || message.attempts() >= properties.maxAttempts();
		log.warn("{} {} to {} failed (try {} of {}{}): {}", message.channel(), message.kind(), recipient,
				message.attempts(), properties.maxAttempts(), last ? ", no more tries" : "", reason);
		try {
			outbox.failed(message, recipient, reason, permanent);
		}
		catch (RuntimeException notRecorded) {
			log.warn("Could not record the failure of notification {}: {}", message.id(),
					DeliveryException.describe(notRecorded));
		}
	}

	/**
	 * Lets running deliveries end (within the webhook timeout); an unfinished one is
	 * claimed again later.
	 */
	@Override
	public void destroy() throws InterruptedException {
		claiming.shutdownNow();
		sending.shutdown();
		if (!sending.awaitTermination(properties.webhook().timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)) {
			sending.shutdownNow();
		}
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
