package dev.platformmaturity.team;

public record GroupSummary(long id, String name, boolean enabled, long teamCount) {
}
