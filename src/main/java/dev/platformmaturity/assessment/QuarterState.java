package dev.platformmaturity.assessment;

/** A survey round goes planned → open → closed. Answers change only while it is open. */
public enum QuarterState {

	PLANNED, OPEN, CLOSED

}
