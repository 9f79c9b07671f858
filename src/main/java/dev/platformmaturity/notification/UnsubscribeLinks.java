package dev.platformmaturity.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code /unsubscribe?token=<person>.<kind>.<signature>}, where
 * the signature is HMAC-SHA256 of person and kind under a server secret, so a link works
 * without signing in and cannot be made for somebody else. The secret is
 * {@code app.notification.unsubscribe-secret}, or one generated once and kept in the
 * database (so that every instance signs alike); changing it invalidates the links of
 * e-mails already sent.
 */
@Component
class UnsubscribeLinks {

	private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})\\.([A-Z_]{1,20})\\.([A-Za-z0-9_-]{43})");

	/** Whom a valid token names, and which kind of e-mail. */
	record Subscription(long personId, EmailKind kind) {
	}

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	private volatile byte[] secret;

	UnsubscribeLinks(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	String token(long personId, EmailKind kind) {
		return personId + "." + kind.name() + "." + signature(personId, kind);
	}

	/** The link for an e-mail's footer and its List-Unsubscribe header. */
	String link(long personId, EmailKind kind, String language) {
		return properties.publicBaseUrl() + "/unsubscribe?token=" + token(personId, kind) + "&lang=" + language;
	}

	/** The subscription a token names, when its signature is right. */
	Optional<Subscription> verify(String token) {
		Matcher parts = token == null ? null : TOKEN.matcher(token);
		if (parts == null || !parts.matches()) {
			return Optional.empty();
		}
		EmailKind kind;
		try {
			kind = EmailKind.valueOf(parts.group(2));
		}
		catch (IllegalArgumentException unknownKind) {
			return Optional.empty();
		}
		long personId = Long.parseLong(parts.group(1));
		boolean signed = MessageDigest.isEqual(signature(personId, kind).getBytes(StandardCharsets.US_ASCII),
				parts.group(3).getBytes(StandardCharsets.US_ASCII));
		return signed ? Optional.of(new Subscription(personId, kind)) : Optional.empty();
	}

	private String signature(long personId, EmailKind kind) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
			String subject = "unsubscribe\n" + personId + "\n" + kind.name();
			byte[] signed = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private byte[] secret() {
		byte[] known = secret;
		if (known == null) {
			known = properties.unsubscribeSecret() != null
					? properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8) : stored();
			secret = known;
		}
		return known;
	}

	/**
	 * The generated secret of the database, made now when there is none (by whichever
	 * instance comes first).
	 */
	private byte[] stored() {
		byte[] candidate = new byte[32];
		new SecureRandom().nextBytes(candidate);
		jdbc.sql("insert into notification_secret (secret) values (?) on conflict (id) do nothing")
			.param(candidate)
			.update();
		return jdbc.sql("select secret from notification_secret").query(byte[].class).single();
	}

}
