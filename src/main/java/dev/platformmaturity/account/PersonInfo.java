package dev.platformmaturity.account;

/** What other modules may know of a person. */
public record PersonInfo(long id, String username, String displayName, String email, String language, Role role,
		boolean enabled) {
}
