package dev.platformmaturity.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username in the database (so it holds across restarts and
 * instances) and refuses a username for a while after too many. Works the same for
 * usernames that exist and those that do not.
 */
@Component
class SignInThrottle {

	private final JdbcClient jdbc;

	private final SignInProperties properties;

	SignInThrottle(JdbcClient jdbc, SignInProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** How long the username stays locked, if it is locked now. */
	@Transactional(readOnly = true)
	Optional<Duration> lockedFor(String username) {
		return jdbc.sql("select locked_until from sign_in_throttle where username = ? and locked_until > now()")
			.param(username)
			.query(OffsetDateTime.class)
			.optional()
			.map(until -> Duration.between(Instant.now(), until.toInstant()));
	}

	/**
	 * Records a failure; returns how long the username is now locked, if this failure
	 * locked it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Duration> recordFailure(String username) {
		return jdbc
			.sql("""
					insert into sign_in_throttle as t (username, failures, window_start)
					values (:username, 1, now())
					on conflict (username) do update set
					    failures = case when t.window_start < now() - make_interval(secs => :window) then 1 else t.failures + 1 end,
					    window_start = case when t.window_start < now() - make_interval(secs => :window) then now() else t.window_start end,
					    locked_until = case
					        when (case when t.window_start < now() - make_interval(secs => :window) then 1 else t.failures + 1 end) >= :max
					        then now() + make_interval(secs => :lockout)
					        else t.locked_until end
					returning locked_until""")
			.param("username", username)
			.param("window", properties.window().toSeconds())
			.param("max", properties.maxFailures())
			.param("lockout", properties.lockout().toSeconds())
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.filter(until -> until.isAfter(Instant.now()))
			.map(until -> Duration.between(Instant.now(), until));
	}

	/** Whole minutes of a lock, at least 1. */
	static long minutes(Duration lock) {
		return Math.max(1, (lock.toSeconds() + 59) / 60);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void clear(String username) {
		jdbc.sql("delete from sign_in_throttle where username = ?").param(username).update();
	}

}
