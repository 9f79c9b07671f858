package dev.platformmaturity.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a webhook can subscribe to, by the name that deliveries carry in
 * {@code event} and in the {@code X-Platform-Maturity-Event} header. {@link #TEST} is
 * sent only by <em>Send a test event</em>.
 */
public enum WebhookEvent {

	QUARTER_OPENED("quarter.opened"),

	QUARTER_CLOSED("quarter.closed"),

	ASSESSMENT_SUBMITTED("assessment.submitted"),

	ASSESSMENT_REOPENED("assessment.reopened"),

	ASSESSMENT_OVERDUE("assessment.overdue"),

	/**
	 * An action of a team passed its due date; published by the module that keeps
	 * actions.
	 */
	ACTION_OVERDUE("action.overdue"),

	TEST("webhook.test");

	private final String eventName;

	WebhookEvent(String eventName) {
		this.eventName = eventName;
	}

	public String eventName() {
		return eventName;
	}

	/**
	 * Whether an administrator can subscribe a webhook to it (every event but the test).
	 */
	public boolean subscribable() {
		return this != TEST;
	}

	public static Optional<WebhookEvent> byName(String name) {
		return Arrays.stream(values()).filter(event -> event.eventName.equals(name)).findFirst();
	}

}
