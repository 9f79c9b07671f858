package dev.platformmaturity.account;

/** A person with the version an edit form must send back (optimistic locking). */
record PersonDetails(PersonInfo person, long version) {
}
