package dev.platformmaturity.account;

import jakarta.validation.constraints.NotNull;

import dev.platformmaturity.account.PersonRules.AcceptablePassword;
import dev.platformmaturity.account.PersonRules.DisplayName;
import dev.platformmaturity.account.PersonRules.Email;
import dev.platformmaturity.account.PersonRules.Language;
import dev.platformmaturity.account.PersonRules.PasswordCandidate;
import dev.platformmaturity.account.PersonRules.Username;

/** A person to create; also the administrators' form. {@code email} may be empty. */
@AcceptablePassword
public record NewPerson(@Username String username, @DisplayName String displayName, @Email String email,
		@Language String language, @NotNull(message = "{person.role.invalid}") Role role,
		String password) implements PasswordCandidate {

	static NewPerson empty() {
		return new NewPerson("", "", "", "en", Role.MEMBER, "");
	}

}
