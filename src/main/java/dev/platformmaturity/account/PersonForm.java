package dev.platformmaturity.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator creates a person. */
record PersonForm(
		@NotBlank(message = "{person.username.required}") @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._-]{1,63}\\s*", message = "{person.username.invalid}") String username,
		@NotBlank(message = "{person.displayName.required}") @Size(max = 200, message = "{person.displayName.tooLong}") String displayName,
		@Size(max = 254, message = "{person.email.invalid}") String email,
		@NotBlank(message = "{person.language.required}") String language,
		@NotNull(message = "{person.role.invalid}") Role role,
		@NotBlank(message = "{password.newRequired}") String password) {

	static PersonForm empty() {
		return new PersonForm("", "", "", "en", Role.MEMBER, "");
	}

	NewPerson toNewPerson() {
		return new NewPerson(username, displayName, email, language, role, password);
	}

}
