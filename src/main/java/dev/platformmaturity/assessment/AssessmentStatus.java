package dev.platformmaturity.assessment;

/**
 * Not started (no assessment yet), in progress, or submitted and read-only until a lead
 * reopens it.
 */
public enum AssessmentStatus {

	NOT_STARTED, IN_PROGRESS, SUBMITTED

}
