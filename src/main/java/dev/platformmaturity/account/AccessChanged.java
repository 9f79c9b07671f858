package dev.platformmaturity.account;

/**
 * A person's access changed (role, enabled, password): their sessions end once the change
 * is committed, except {@code keptSession} (the session of a person who changed their own
 * password), which may be null.
 */
record AccessChanged(String username, String keptSession) {
}
