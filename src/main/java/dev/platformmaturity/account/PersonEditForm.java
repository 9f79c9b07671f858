package dev.platformmaturity.account;

/** An administrator edits a person; an empty new password keeps the current one. */
record PersonEditForm(Long version, String displayName, String email, String language, Role role, Boolean enabled,
		String newPassword) {

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
