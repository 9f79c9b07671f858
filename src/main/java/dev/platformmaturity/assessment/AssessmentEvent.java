package dev.platformmaturity.assessment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One change of an assessment, kept for its history: who changed what, when, from what to
 * what. Read here; written by {@link AssessmentRows}.
 */
@Immutable
@Entity
@Table(name = "assessment_event")
class AssessmentEvent {

	enum Kind {

		START, ANSWER, COMMENT, TARGET, CONFIRM, SUBMIT, REOPEN, IMPORT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long assessmentId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String subject;

	private String oldValue;

	private String newValue;

	private String reason;

	private Long changedBy;

	private Instant changedAt;

	protected AssessmentEvent() {
	}

	Kind kind() {
		return kind;
	}

	String subject() {
		return subject;
	}

	String oldValue() {
		return oldValue;
	}

	String newValue() {
		return newValue;
	}

	String reason() {
		return reason;
	}

	Long changedBy() {
		return changedBy;
	}

	Instant changedAt() {
		return changedAt;
	}

}
