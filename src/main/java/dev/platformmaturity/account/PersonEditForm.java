package dev.platformmaturity.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator edits a person; an empty new password keeps the current one. */
record PersonEditForm(Long version,
		@NotBlank(message = "{person.displayName.required}") @Size(max = 200, message = "{person.displayName.tooLong}") String displayName,
		@Size(max = 254, message = "{person.email.invalid}") String email,
		@NotBlank(message = "{person.language.required}") String language,
		@NotNull(message = "{person.role.invalid}") Role role, Boolean enabled, String newPassword) {

	static PersonEditForm of(PersonDetails details) {
		PersonInfo person = details.person();
		return new PersonEditForm(details.version(), person.displayName(), person.email(), person.language(),
				person.role(), person.enabled(), "");
	}

	long expectedVersion() {
		return version == null ? -1 : version;
	}

	PersonChange toChange() {
		return new PersonChange(displayName, email, language, role, enabled == null || enabled, newPassword);
	}

}
