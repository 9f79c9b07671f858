package dev.platformmaturity.account;

import jakarta.validation.constraints.NotNull;

import dev.platformmaturity.account.PersonRules.DisplayName;
import dev.platformmaturity.account.PersonRules.Email;
import dev.platformmaturity.account.PersonRules.Language;

/**
 * An administrator's edit of a person; {@code newPassword} empty or null keeps the
 * password.
 */
record PersonChange(@DisplayName String displayName, @Email String email, @Language String language,
		@NotNull(message = "{person.role.invalid}") Role role, boolean enabled, String newPassword) {

	boolean changesPassword() {
		return newPassword != null && !newPassword.isEmpty();
	}

}
