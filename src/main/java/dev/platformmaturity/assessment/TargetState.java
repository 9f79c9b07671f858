package dev.platformmaturity.assessment;

public record TargetState(String aspect, Integer level, long version) {
}
