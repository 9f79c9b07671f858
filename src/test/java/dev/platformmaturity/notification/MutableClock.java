package dev.platformmaturity.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test sets and moves; the application's time-driven work reads it as its {@link Clock}. */
final class MutableClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	MutableClock(ZonedDateTime start) {
		this.now = start.toInstant();
		this.zone = start.getZone();
	}

	void set(ZonedDateTime time) {
		now = time.toInstant();
	}

	void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return Clock.fixed(now, other);
	}

}
