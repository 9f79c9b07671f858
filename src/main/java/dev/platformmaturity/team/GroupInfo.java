package dev.platformmaturity.team;

public record GroupInfo(long id, String name, boolean enabled) {
}
