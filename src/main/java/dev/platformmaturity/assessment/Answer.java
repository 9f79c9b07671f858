package dev.platformmaturity.assessment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One question's answer in an assessment: a level (the option chosen), or not applicable,
 * and a comment. Read here; written by {@link AssessmentRows}.
 */
@Immutable
@Entity
class Answer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long assessmentId;

	private long questionId;

	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer level;

	private boolean notApplicable;

	private String comment;

	private boolean carriedOver;

	private boolean imported;

	private Instant updatedAt;

	private Long updatedBy;

	@Version
	private long version;

	protected Answer() {
	}

	boolean answered() {
		return level != null || notApplicable;
	}

	long questionId() {
		return questionId;
	}

	Integer level() {
		return level;
	}

	boolean notApplicable() {
		return notApplicable;
	}

	String comment() {
		return comment;
	}

	boolean carriedOver() {
		return carriedOver;
	}

	/** Imported and still to review; see {@link AnswerState#imported()}. */
	boolean imported() {
		return imported && carriedOver;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	Long updatedBy() {
		return updatedBy;
	}

	long version() {
		return version;
	}

}
