package dev.platformmaturity.action;

import java.time.LocalDate;

/**
 * What someone wants an action to be, as typed: every field of the action.
 *
 * @param modelVersion the model version of the aspect and characteristic; null: the
 * current version (for a change, the action's version)
 * @param characteristic {@code aspect.level.key}, or null
 * @param owner the owner's username, or null
 * @param status null: planned
 */
public record ActionChange(String title, String modelVersion, String aspect, String characteristic, String owner,
		LocalDate dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel) {
}
