package dev.platformmaturity.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a team; version and active only matter when editing, the slug only when
 * creating.
 */
record TeamForm(Long version,
		@NotBlank(message = "{team.slug.required}") @Size(max = 64, message = "{team.slug.invalid}") @Pattern(
				regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{team.slug.invalid}") String slug,
		@NotBlank(message = "{team.name.required}") @Size(max = 200, message = "{team.name.tooLong}") String name,
		@NotNull(message = "{team.group.unknown}") Long groupId, Boolean enabled) {

	static TeamForm empty() {
		return new TeamForm(0L, "", "", null, true);
	}

	long expectedVersion() {
		return version == null ? -1 : version;
	}

	boolean active() {
		return enabled == null || enabled;
	}

}
