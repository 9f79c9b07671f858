package dev.platformmaturity.assessment;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The level a team aims for in one aspect, optional. Read here; written by
 * {@link AssessmentRows}.
 */
@Immutable
@Entity
@IdClass(Target.Key.class)
class Target {

	@Id
	private long assessmentId;

	@Id
	private long aspectId;

	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer level;

	private Instant updatedAt;

	private Long updatedBy;

	@Version
	private long version;

	protected Target() {
	}

	long aspectId() {
		return aspectId;
	}

	Integer level() {
		return level;
	}

	long version() {
		return version;
	}

	record Key(long assessmentId, long aspectId) implements Serializable {

		Key() {
			this(0, 0);
		}

	}

}
