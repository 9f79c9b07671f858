package dev.platformmaturity.assessment;

import java.time.Instant;

/**
 * A quarter was opened, closed or reopened (with the reason), by a person (null: a
 * start-up task) at a time.
 */
public record QuarterEvent(Kind kind, String reason, String changedBy, Instant changedAt) {

	public enum Kind {

		OPEN, CLOSE, REOPEN

	}

}
