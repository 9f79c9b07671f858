package dev.platformmaturity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;

/**
 * Personal access tokens: created with a name, an expiry of at most a year and a scope,
 * shown once, stored only as their SHA-256, listed with their last use, revocable. A
 * token acts for its person with the person's current role; a disabled person's tokens
 * stop at once.
 */
@Service
class AccessTokens {

	static final String PREFIX = "pmat_";

	static final Pattern FORMAT = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");

	static final int MAX_NAME_LENGTH = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonRepository people;

	private final Clock clock = Clock.systemUTC();

	AccessTokens(JdbcClient jdbc, PersonRepository people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	record TokenInfo(long id, String name, AccessScope scope, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt) {
	}

	/** A new token: its secret is shown once and never stored. */
	record CreatedToken(String name, String secret, Instant expiresAt) {
	}

	/** The latest expiry a new token may have. */
	LocalDate latestExpiry() {
		return LocalDate.now(clock).plusYears(1);
	}

	@Transactional
	CreatedToken create(long personId, TokenForm form) {
		List<FieldProblem> problems = problems(form);
		if (!problems.isEmpty()) {
			throw new InvalidPersonException(problems);
		}
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		Instant expiresAt = form.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		jdbc.sql("""
				insert into access_token (person_id, name, token_hash, scope, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(personId, form.name().strip(), hash(secret), form.scope().name(),
					java.sql.Timestamp.from(expiresAt))
			.update();
		return new CreatedToken(form.name().strip(), secret, expiresAt);
	}

	private List<FieldProblem> problems(TokenForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.name() == null || form.name().isBlank()) {
			problems.add(new FieldProblem("name", "token.name.required"));
		}
		else if (form.name().strip().length() > MAX_NAME_LENGTH) {
			problems.add(new FieldProblem("name", "token.name.tooLong", MAX_NAME_LENGTH));
		}
		LocalDate today = LocalDate.now(clock);
		if (form.expiresOn() == null) {
			problems.add(new FieldProblem("expiresOn", "token.expiry.required"));
		}
		else if (form.expiresOn().isBefore(today)) {
			problems.add(new FieldProblem("expiresOn", "token.expiry.past"));
		}
		else if (form.expiresOn().isAfter(latestExpiry())) {
			problems.add(new FieldProblem("expiresOn", "token.expiry.tooLate", latestExpiry()));
		}
		if (form.scope() == null) {
			problems.add(new FieldProblem("scope", "token.scope.required"));
		}
		return problems;
	}

	@Transactional(readOnly = true)
	List<TokenInfo> of(long personId) {
		return jdbc.sql("""
				select id, name, scope, created_at, expires_at, last_used_at from access_token
				where person_id = ? order by created_at desc, id desc""")
			.param(personId)
			.query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
					AccessScope.valueOf(rs.getString("scope")), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
			.list();
	}

	/** Revokes one of the person's own tokens; false when they have no such token. */
	@Transactional
	boolean revoke(long personId, long tokenId) {
		return jdbc.sql("delete from access_token where id = ? and person_id = ?")
			.params(tokenId, personId)
			.update() == 1;
	}

	/**
	 * The person a token acts for, with its scope; refused when unknown, expired or its
	 * person is disabled.
	 */
	@Transactional
	AccessTokenAuthentication authenticate(String secret) {
		if (secret == null || !FORMAT.matcher(secret).matches()) {
			throw new AccessTokenException("api.token.malformed");
		}
		record Stored(long id, long personId, AccessScope scope, Instant expiresAt) {
		}
		Stored token = jdbc.sql("select id, person_id, scope, expires_at from access_token where token_hash = ?")
			.param(hash(secret))
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("person_id"),
					AccessScope.valueOf(rs.getString("scope")), rs.getTimestamp("expires_at").toInstant()))
			.optional()
			.orElseThrow(() -> new AccessTokenException("api.token.unknown"));
		if (!token.expiresAt().isAfter(clock.instant())) {
			throw new AccessTokenException("api.token.expired", token.expiresAt().toString());
		}
		Person person = people.findById(token.personId())
			.orElseThrow(() -> new AccessTokenException("api.token.unknown"));
		if (!person.enabled()) {
			throw new AccessTokenException("api.token.disabled");
		}
		jdbc.sql("""
				update access_token set last_used_at = now()
				where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
			.param(token.id())
			.update();
		return AccessTokenAuthentication.authenticated(new AccountUser(person), token.scope());
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
