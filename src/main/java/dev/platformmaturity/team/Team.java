package dev.platformmaturity.team;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
class Team {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Stable: part of every URL of the team, kept when the team is renamed. */
	private String slug;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "group_id")
	private TeamGroup teamGroup;

	private boolean enabled = true;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Team() {
	}

	Team(String slug, String name, TeamGroup group) {
		this.slug = slug;
		this.name = name;
		this.teamGroup = group;
	}

	void update(String name, TeamGroup group, boolean enabled) {
		this.name = name;
		this.teamGroup = group;
		this.enabled = enabled;
	}

	TeamRef ref() {
		return new TeamRef(id, slug, name, teamGroup.id(), teamGroup.name(), enabled);
	}

	Long id() {
		return id;
	}

	String slug() {
		return slug;
	}

	long version() {
		return version;
	}

}
