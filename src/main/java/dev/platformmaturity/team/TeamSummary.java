package dev.platformmaturity.team;

/** A team in a list, with its number of members. */
public record TeamSummary(long id, String slug, String name, long groupId, String groupName, boolean enabled,
		long memberCount) {
}
