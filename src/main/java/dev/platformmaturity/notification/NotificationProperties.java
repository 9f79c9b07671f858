package dev.platformmaturity.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are sent. E-mail is on when Spring Boot's mail settings name an SMTP
 * server ({@code spring.mail.host}); then {@code publicBaseUrl} and {@code mailFrom} are
 * required. Webhooks are on when an administrator registered one. An invalid value
 * refuses the start with a message naming the setting.
 *
 * @param publicBaseUrl the address people open the application at, for the links in
 * e-mails and deliveries
 * @param mailFrom the sender of e-mails, like
 * {@code Platform Maturity <maturity@example.org>}
 * @param reminderTime the time of day (in {@code timeZone}) from which the day's
 * reminders and digests are sent
 * @param timeZone the time zone of the organisation's days; by default the server's
 * @param scanInterval how often one instance of the cluster looks for notifications that
 * are due
 * @param sendInterval how often every instance looks for recorded messages to send
 * @param maxAttempts how often a message is tried before it is marked failed
 * @param retryDelay the wait before the first retry; it doubles with every further one
 * @param maxRetryDelay the longest wait between two tries
 * @param parallelDeliveries how many messages one instance sends at the same time
 * @param logRetention how long sent and failed messages stay in the log
 * @param unsubscribeSecret the key that signs unsubscribe links (at least 32 characters);
 * when empty, one is generated and kept in the database
 * @param webhook where webhooks may point and how long a delivery may take
 */
@ConfigurationProperties("app.notification")
@Validated
record NotificationProperties(
		@Pattern(regexp = "https?://[^/?#\\s@]+(/[^?#\\s]*)?", message = BASE_URL) String publicBaseUrl,
		String mailFrom,
		@DefaultValue("09:00") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
				message = "must be a time of day like 09:00") String reminderTime,
		@ZoneName String timeZone, @DefaultValue("1m") @DurationMin(millis = 100) Duration scanInterval,
		@DefaultValue("10s") @DurationMin(millis = 100) Duration sendInterval,
		@DefaultValue("8") @Min(1) @Max(20) int maxAttempts,
		@DefaultValue("1m") @DurationMin(millis = 1) Duration retryDelay,
		@DefaultValue("1h") @DurationMin(millis = 1) Duration maxRetryDelay,
		@DefaultValue("4") @Min(1) @Max(32) int parallelDeliveries,
		@DefaultValue("180d") @DurationMin(days = 1) Duration logRetention,
		@Size(min = 32, message = SECRET) String unsubscribeSecret, @Valid @DefaultValue Webhook webhook) {

	static final String BASE_URL = "must be the http or https address people open the application at, "
			+ "like https://maturity.example.org";

	static final String SECRET = "must be at least 32 characters long, or empty to have one generated";

	/**
	 * A delivery that takes longer than this is given up and tried again later; it must
	 * end before its claim does.
	 */
	static final Duration CLAIM = Duration.ofMinutes(5);

	NotificationProperties {
		publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
				: publicBaseUrl.strip().replaceAll("/+$", "");
		mailFrom = mailFrom == null || mailFrom.isBlank() ? null : mailFrom.strip();
		unsubscribeSecret = unsubscribeSecret == null || unsubscribeSecret.isEmpty() ? null : unsubscribeSecret;
	}

	LocalTime reminderTimeOfDay() {
		return LocalTime.parse(reminderTime);
	}

	ZoneId zone() {
		return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
	}

	/**
	 * The wait after a failed try: {@code retryDelay}, doubled for every earlier failure,
	 * at most the longest.
	 */
	Duration retryAfter(int failedAttempts) {
		Duration delay = retryDelay;
		for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
	}

	/**
	 * Where webhooks may point. Deliveries never follow redirects and never use a proxy.
	 *
	 * @param allowHttp whether webhooks may use plain http (for local use); otherwise
	 * https only
	 * @param allowPrivateAddresses whether webhooks may point at loopback, private,
	 * link-local and other non-public addresses; otherwise such addresses are refused, at
	 * registration and again at each delivery
	 * @param allowedAddresses ranges in CIDR notation ({@code 10.1.2.0/24},
	 * {@code fd00::/8}) allowed although not public, such as an internal chat server's
	 * @param timeout how long a delivery may take, connecting included
	 */
	record Webhook(@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivateAddresses,
			List<@AddressRangeText String> allowedAddresses,
			@DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout) {

		Webhook {
			allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
		}

		List<AddressRange> allowedRanges() {
			return allowedAddresses.stream().map(AddressRange::parse).toList();
		}

	}

}
