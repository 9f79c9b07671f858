package dev.platformmaturity.notification;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends a recorded delivery to its webhook, signed:
 * {@code X-Platform-Maturity-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code <timestamp>.<body>} under the webhook's secret, where the timestamp (Unix
 * seconds) is sent in {@code X-Platform-Maturity-Timestamp}. Any answer but 2xx is a
 * failure; redirects are not followed.
 */
@Component
class WebhookSender {

	static final String EVENT = "X-Platform-Maturity-Event";

	static final String DELIVERY = "X-Platform-Maturity-Delivery";

	static final String TIMESTAMP = "X-Platform-Maturity-Timestamp";

	static final String SIGNATURE = "X-Platform-Maturity-Signature";

	private final JdbcClient jdbc;

	private final WebhookClient client;

	private final WebhookAddresses addresses;

	private final JsonMapper json;

	private final Clock clock;

	WebhookSender(JdbcClient jdbc, WebhookClient client, WebhookAddresses addresses, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.client = client;
		this.addresses = addresses;
		this.json = json;
		this.clock = clock;
	}

	private record Target(String url, String secret, boolean enabled) {
	}

	/** Sends the delivery and answers the address it went to. */
	String send(Outbox.Message message) throws DeliveryException {
		Target target = message.webhookId() == null ? null : jdbc
			.sql("select url, secret, enabled from notification_webhook where id = ?")
			.param(message.webhookId())
			.query((row, n) -> new Target(row.getString("url"), row.getString("secret"), row.getBoolean("enabled")))
			.optional()
			.orElse(null);
		if (target == null) {
			throw DeliveryException.permanent("The webhook was removed; nothing was sent");
		}
		if (!target.enabled() && !WebhookEvent.TEST.eventName().equals(message.kind())) {
			throw DeliveryException.permanent("The webhook is turned off; nothing was sent");
		}
		if ("http".equalsIgnoreCase(URI.create(target.url()).getScheme()) && !addresses.httpAllowed()) {
			throw DeliveryException
				.permanent("Plain http is not allowed (app.notification.webhook.allow-http); nothing was sent");
		}
		byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(EVENT, message.kind());
		headers.put(DELIVERY, json.readTree(message.payload()).path("id").asString());
		headers.put(TIMESTAMP, timestamp);
		headers.put(SIGNATURE, "sha256=" + signature(target.secret(), timestamp, body));
		WebhookClient.Answer answer;
		try {
			answer = client.post(target.url(), headers, body);
		}
		catch (WebhookAddresses.RefusedAddressException refused) {
			throw DeliveryException.retry("Refused: " + refused.getMessage());
		}
		catch (UnknownHostException unknown) {
			throw DeliveryException.retry("Unknown host: " + unknown.getMessage());
		}
		catch (InterruptedIOException late) {
			throw DeliveryException.retry("No answer within " + client.timeout().toSeconds() + " s ("
					+ DeliveryException.describe(late) + ")");
		}
		catch (ConnectException refused) {
			throw DeliveryException.retry("Cannot connect: " + refused.getMessage());
		}
		catch (IOException failed) {
			throw DeliveryException.retry(DeliveryException.describe(failed));
		}
		if (answer.redirect()) {
			throw DeliveryException.retry("Answered " + answer.status() + " redirecting to " + answer.location()
					+ "; deliveries do not follow redirects: register the final address");
		}
		if (!answer.successful()) {
			throw DeliveryException.retry("Answered " + answer.status()
					+ (answer.reason() == null || answer.reason().isBlank() ? "" : " " + answer.reason())
					+ (answer.body().isEmpty() ? "" : ": " + abbreviate(answer.body())));
		}
		return target.url();
	}

	/** Hex of HMAC-SHA256 over {@code <timestamp>.<body>} under the secret. */
	static String signature(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static String abbreviate(String text) {
		String line = text.replaceAll("\\s+", " ");
		return line.length() <= 200 ? line : line.substring(0, 199) + "…";
	}

}
