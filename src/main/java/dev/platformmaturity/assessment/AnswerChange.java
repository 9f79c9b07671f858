package dev.platformmaturity.assessment;

/**
 * What someone wants one answer to be. {@code option} is {@code question:level} or null;
 * {@code expectedVersion} is the version their edit started from. Saving a carried-over
 * answer unchanged confirms it.
 */
public record AnswerChange(String option, boolean notApplicable, String comment, long expectedVersion) {
}
