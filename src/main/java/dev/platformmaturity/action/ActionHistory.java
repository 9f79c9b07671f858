package dev.platformmaturity.action;

import java.time.Instant;

/** The history of a team's actions. */
public final class ActionHistory {

	private ActionHistory() {
	}

	/**
	 * One change: an action created, a field changed (from the old value to the new one),
	 * a comment, an action deleted or imported. The action may be deleted since; its
	 * title is kept with every entry.
	 *
	 * @param kind CREATE, CHANGE, COMMENT, DELETE or IMPORT
	 * @param field for a change, the field: title, aspect, characteristic, owner, dueOn,
	 * status, trackerUrl, notes or plannedLevel
	 */
	public record Entry(Long actionId, String title, String kind, String field, String oldValue, String newValue,
			String by, Instant at) {
	}

}
