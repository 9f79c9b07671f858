package dev.platformmaturity.account;

import dev.platformmaturity.account.PersonRules.AcceptablePassword;
import dev.platformmaturity.account.PersonRules.PasswordCandidate;

/** A password someone chose for the account {@code username}. */
@AcceptablePassword
record NewPassword(String username, String password) implements PasswordCandidate {
}
