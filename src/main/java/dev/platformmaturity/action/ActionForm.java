package dev.platformmaturity.action;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotBlank;

import dev.platformmaturity.shared.FieldProblem;

/**
 * The action form of the pages: every field of an action as typed (the due date as text,
 * so that a date that is none comes back as typed, with its message), the version an edit
 * starts from, and the quarter whose results page the person came from (to return there).
 */
record ActionForm(@NotBlank(message = "{action.title.required}") String title, String modelVersion,
		@NotBlank(message = "{action.aspect.required}") String aspect, String characteristic, String owner,
		String dueOn, ActionStatus status, String trackerUrl, String notes, Integer plannedLevel, Long version,
		String from) {

	static ActionForm of(ActionState action, String from) {
		return new ActionForm(action.title(), action.modelVersion(), action.aspect(), action.characteristic(),
				action.owner() == null ? null : action.owner().username(),
				action.dueOn() == null ? null : action.dueOn().toString(), action.status(), action.trackerUrl(),
				action.notes(), action.plannedLevel(), action.version(), from);
	}

	/** The change the form asks for; a due date that is no date is refused, as typed. */
	ActionChange change() {
		return new ActionChange(title, modelVersion, aspect, characteristic, owner, date(), status, trackerUrl, notes,
				plannedLevel);
	}

	private LocalDate date() {
		if (dueOn == null || dueOn.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(dueOn.strip());
		}
		catch (DateTimeParseException notADate) {
			throw ActionProblem.invalid(new FieldProblem("dueOn", "typeMismatch.java.time.LocalDate"));
		}
	}

	/**
	 * The same input, starting from another version: to save it over a change someone
	 * made meanwhile.
	 */
	ActionForm withVersion(long newVersion) {
		return new ActionForm(title, modelVersion, aspect, characteristic, owner, dueOn, status, trackerUrl, notes,
				plannedLevel, newVersion, from);
	}

}
