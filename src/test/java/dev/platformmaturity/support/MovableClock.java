package dev.platformmaturity.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test moves it to a day; the
 * test puts it back with {@link #reset()}. Comes first, before the application's own
 * clock, in every test context.
 */
@Primary
public class MovableClock extends Clock {

	private final ZoneId zone;

	private volatile Instant fixed;

	public MovableClock() {
		this.zone = ZoneId.systemDefault();
	}

	/** A clock stopped at {@code start}, in its time zone. */
	public MovableClock(ZonedDateTime start) {
		this.zone = start.getZone();
		this.fixed = start.toInstant();
	}

	public void set(ZonedDateTime time) {
		fixed = time.toInstant();
	}

	/** Moves a stopped clock on. */
	public void advance(Duration duration) {
		fixed = instant().plus(duration);
	}

	/** Stops the clock at noon of the day. */
	public void moveTo(LocalDate day) {
		fixed = day.atTime(12, 0).atZone(zone).toInstant();
	}

	public void reset() {
		fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return Clock.fixed(instant(), other);
	}

	@Override
	public Instant instant() {
		Instant stopped = fixed;
		return stopped != null ? stopped : Instant.now();
	}

}
