package dev.platformmaturity.team;

/** A team as other modules see it. */
public record TeamRef(long id, String slug, String name, long groupId, String groupName, boolean enabled) {
}
