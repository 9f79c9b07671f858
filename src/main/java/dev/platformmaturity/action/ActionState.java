package dev.platformmaturity.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action as saved.
 *
 * @param modelVersion the model version whose aspect and characteristic the action serves
 * ({@code cncf-pemm-v1})
 * @param aspect the aspect's key
 * @param characteristic the characteristic it serves as {@code aspect.level.key}
 * ({@code investment.3.c1}), or null
 * @param owner who does it, or null
 * @param overdue open and past its due date today
 * @param plannedLevel the level of the aspect the action should bring the team to, or
 * null
 * @param doneAt when it was marked done, null unless done
 * @param version the version a change must name
 */
public record ActionState(long id, String team, String title, String modelVersion, String aspect, String characteristic,
		Person owner, LocalDate dueOn, ActionStatus status, boolean overdue, String trackerUrl, String notes,
		Integer plannedLevel, Instant doneAt, Instant createdAt, Person createdBy, Instant updatedAt, Person updatedBy,
		long version) {

	/** A person as actions show them. */
	public record Person(String username, String name) {
	}

	public boolean open() {
		return status.open();
	}

	/** The characteristic's level, or null. */
	public Integer characteristicLevel() {
		return characteristic == null ? null : CharacteristicRef.parse(characteristic).orElseThrow().level();
	}

}
