package dev.platformmaturity.action;

/**
 * Where an action stands. Planned and in-progress actions are open; an open action past
 * its due date is overdue.
 */
public enum ActionStatus {

	PLANNED, IN_PROGRESS, DONE, DROPPED;

	public boolean open() {
		return this == PLANNED || this == IN_PROGRESS;
	}

	/** The SQL condition of an open action on the table alias given. */
	static String openCondition(String alias) {
		return alias + ".status in ('PLANNED', 'IN_PROGRESS')";
	}

}
