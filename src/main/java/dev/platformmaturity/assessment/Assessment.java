package dev.platformmaturity.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.Immutable;

/** A team's assessment of a quarter. Read here; written by {@link AssessmentRows}. */
@Immutable
@Entity
class Assessment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long teamId;

	private long quarterId;

	private long modelVersionId;

	@Enumerated(EnumType.STRING)
	private AssessmentStatus status;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	private Long createdBy;

	private Instant submittedAt;

	private Long submittedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected Assessment() {
	}

	Long id() {
		return id;
	}

	long teamId() {
		return teamId;
	}

	long quarterId() {
		return quarterId;
	}

	long modelVersionId() {
		return modelVersionId;
	}

	AssessmentStatus status() {
		return status;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	Long submittedBy() {
		return submittedBy;
	}

	Instant updatedAt() {
		return updatedAt;
	}

}
