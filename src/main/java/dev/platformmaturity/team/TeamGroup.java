package dev.platformmaturity.team;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A group of teams, usually a department. */
@Entity
@Table(name = "team_group")
class TeamGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private boolean enabled = true;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected TeamGroup() {
	}

	TeamGroup(String name) {
		this.name = name;
	}

	void update(String name, boolean enabled) {
		this.name = name;
		this.enabled = enabled;
	}

	GroupInfo info() {
		return new GroupInfo(id, name, enabled);
	}

	Long id() {
		return id;
	}

	String name() {
		return name;
	}

	boolean enabled() {
		return enabled;
	}

	long version() {
		return version;
	}

}
