package dev.platformmaturity.account;

/** An administrator's edit of a person; {@code newPassword} empty or null keeps the password. */
record PersonChange(String displayName, String email, String language, Role role, boolean enabled, String newPassword) {
}
