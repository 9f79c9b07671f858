package dev.platformmaturity.team;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A person belongs to a team. A person may belong to several teams. */
@Entity
@IdClass(Membership.Key.class)
class Membership {

	@Id
	private long personId;

	@Id
	private long teamId;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	protected Membership() {
	}

	Membership(long personId, long teamId) {
		this.personId = personId;
		this.teamId = teamId;
	}

	long personId() {
		return personId;
	}

	record Key(long personId, long teamId) implements Serializable {

		Key() {
			this(0, 0);
		}

	}

}
