package dev.platformmaturity.account;

/** A person to create. {@code email} may be null. */
public record NewPerson(String username, String displayName, String email, String language, Role role, String password) {
}
