package dev.platformmaturity.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create or edit a group; version and active only matter when editing. */
record GroupForm(Long version,
		@NotBlank(message = "{group.name.required}") @Size(max = 200, message = "{group.name.tooLong}") String name,
		Boolean enabled) {

	static GroupForm empty() {
		return new GroupForm(0L, "", true);
	}

	long expectedVersion() {
		return version == null ? -1 : version;
	}

	boolean active() {
		return enabled == null || enabled;
	}

}
