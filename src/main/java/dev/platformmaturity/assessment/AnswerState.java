package dev.platformmaturity.assessment;

import java.time.Instant;

/**
 * One question's answer as saved: the level of the chosen option, or not applicable; the
 * comment; whether it was carried over from the previous quarter and not yet confirmed,
 * and whether such an answer to review was imported (from the CNCF assessment tool's
 * share URL) rather than taken from the previous quarter; the version an edit must name.
 */
public record AnswerState(String question, Integer level, boolean notApplicable, String comment, boolean carriedOver,
		long version, Instant updatedAt, String updatedBy, boolean imported) {

	public AnswerState {
		imported = imported && carriedOver;
	}

	/** An answer that was not imported. */
	public AnswerState(String question, Integer level, boolean notApplicable, String comment, boolean carriedOver,
			long version, Instant updatedAt, String updatedBy) {
		this(question, level, notApplicable, comment, carriedOver, version, updatedAt, updatedBy, false);
	}

	public boolean answered() {
		return level != null || notApplicable;
	}

	/**
	 * Answered this quarter: answered, changed, confirmed or marked not applicable, not
	 * just carried over.
	 */
	public boolean reviewed() {
		return answered() && !carriedOver;
	}

	/** The chosen option as {@code question:level}, the form the editing API takes. */
	public String option() {
		return level == null ? null : question + ":" + level;
	}

}
