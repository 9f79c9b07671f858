package dev.platformmaturity.action;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The action form of the pages: every field of an action as typed, the version an edit starts from, and the quarter
 * whose results page the person came from (to return there).
 */
record ActionForm(@NotBlank(message = "{action.title.required}") String title, String modelVersion,
		@NotBlank(message = "{action.aspect.required}") String aspect, String characteristic, String owner,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, ActionStatus status, String trackerUrl,
		String notes, Integer plannedLevel, Long version, String from) {

	static ActionForm of(ActionState action, String from) {
		return new ActionForm(action.title(), action.modelVersion(), action.aspect(), action.characteristic(),
				action.owner() == null ? null : action.owner().username(), action.dueOn(), action.status(),
				action.trackerUrl(), action.notes(), action.plannedLevel(), action.version(), from);
	}

	ActionChange change() {
		return new ActionChange(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl, notes,
				plannedLevel);
	}

	/** The same input, starting from another version: to save it over a change someone made meanwhile. */
	ActionForm withVersion(long newVersion) {
		return new ActionForm(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl, notes,
				plannedLevel, newVersion, from);
	}

}
