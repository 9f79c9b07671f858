package dev.platformmaturity.assessment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One question's answer in an assessment: a level (the option chosen), or not applicable, and a comment. */
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

	private Instant updatedAt = Instant.now();

	private Long updatedBy;

	@Version
	private long version;

	protected Answer() {
	}

	Answer(long assessmentId, long questionId) {
		this.assessmentId = assessmentId;
		this.questionId = questionId;
	}

	/** A copy of an earlier quarter's answer, marked as carried over until someone confirms or changes it. */
	Answer carriedOverFrom(Integer level, boolean notApplicable, String comment) {
		this.level = level;
		this.notApplicable = notApplicable;
		this.comment = comment;
		this.carriedOver = level != null || notApplicable || comment != null;
		return this;
	}

	void change(Integer level, boolean notApplicable, String comment, long personId) {
		this.level = level;
		this.notApplicable = notApplicable;
		this.comment = comment;
		this.carriedOver = false;
		this.updatedBy = personId;
		this.updatedAt = Instant.now();
	}

	void confirm(long personId) {
		this.carriedOver = false;
		this.updatedBy = personId;
		this.updatedAt = Instant.now();
	}

	Long id() {
		return id;
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
