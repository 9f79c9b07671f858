package dev.platformmaturity.account;

import dev.platformmaturity.account.PersonRules.DisplayName;
import dev.platformmaturity.account.PersonRules.Email;
import dev.platformmaturity.account.PersonRules.Language;

/**
 * A person changes their own name, e-mail and language; also the form on *Your account*.
 */
record ProfileChange(@DisplayName String displayName, @Email String email, @Language String language) {
}
