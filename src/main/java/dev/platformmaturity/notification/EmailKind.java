package dev.platformmaturity.notification;

import java.util.Arrays;
import java.util.List;

import dev.platformmaturity.account.Role;

/**
 * The kinds of e-mail, each of which a person may turn off. Members of teams that have
 * not submitted get the first three; platform leads (and administrators) the digest and
 * the closing summary.
 */
enum EmailKind {

	/** A quarter was opened. */
	QUARTER_OPENED(false, "quarter-opened", "quarterOpened"),

	/** The due date is some days away (the reminder days of the settings). */
	DUE_SOON(false, "due-soon", "dueSoon"),

	/** The due date has passed: the day after it, then weekly. */
	OVERDUE(false, "overdue", "overdue"),

	/**
	 * Weekly, on the digest day, while a quarter is open: completion, overdue teams,
	 * biggest movers.
	 */
	DIGEST(true, "digest", "digest"),

	/** A quarter was closed: how it ended. */
	QUARTER_CLOSED(true, "quarter-closed", "quarterClosed");

	private final boolean forLeads;

	private final String template;

	private final String messages;

	EmailKind(boolean forLeads, String template, String messages) {
		this.forLeads = forLeads;
		this.template = template;
		this.messages = messages;
	}

	boolean forLeads() {
		return forLeads;
	}

	/**
	 * The name of its templates: {@code mail/<name>.txt} and {@code mail/<name>.html}.
	 */
	String template() {
		return template;
	}

	/**
	 * The prefix of its texts in the message bundles: {@code mail.<prefix>.subject} and
	 * others.
	 */
	String messages() {
		return "mail." + messages;
	}

	/**
	 * The kinds a person of this role may get: members' kinds for everyone, leads' kinds
	 * for leads and above.
	 */
	static List<EmailKind> forRole(Role role) {
		return Arrays.stream(values()).filter(kind -> !kind.forLeads || role.includes(Role.LEAD)).toList();
	}

}
