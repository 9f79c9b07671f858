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

@Entity
class Assessment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long teamId;

	private long quarterId;

	private long modelVersionId;

	@Enumerated(EnumType.STRING)
	private AssessmentStatus status = AssessmentStatus.IN_PROGRESS;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	private Long createdBy;

	private Instant submittedAt;

	private Long submittedBy;

	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	protected Assessment() {
	}

	Assessment(long teamId, long quarterId, long modelVersionId, Long createdBy) {
		this.teamId = teamId;
		this.quarterId = quarterId;
		this.modelVersionId = modelVersionId;
		this.createdBy = createdBy;
	}

	void submit(long personId) {
		status = AssessmentStatus.SUBMITTED;
		submittedAt = Instant.now();
		submittedBy = personId;
		updatedAt = submittedAt;
	}

	void reopen() {
		status = AssessmentStatus.IN_PROGRESS;
		submittedAt = null;
		submittedBy = null;
		updatedAt = Instant.now();
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
