package dev.platformmaturity.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.account.Role;

/**
 * Which kinds of e-mail each person gets: every kind of their role, unless they turned it
 * off on <em>Your account</em> or through an unsubscribe link. Read by the account page
 * as {@code @emailPreferences}.
 */
@Component("emailPreferences")
class EmailPreferences {

	/**
	 * One line of the preferences form: a kind of e-mail and whether the person gets it.
	 */
	record Choice(EmailKind kind, boolean receives) {

		public String name() {
			return kind.name();
		}

	}

	/**
	 * What the account page shows: the person's address (null when none), whether e-mail
	 * is on, the choices.
	 */
	record View(String email, boolean emailOn, List<Choice> choices) {
	}

	private final JdbcClient jdbc;

	private final NotificationChannels channels;

	EmailPreferences(JdbcClient jdbc, NotificationChannels channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	@Transactional(readOnly = true)
	public View of(AccountUser user) {
		String email = jdbc.sql("select email from person where id = ?")
			.param(user.personId())
			.query(String.class)
			.optional()
			.filter(address -> !address.isBlank())
			.orElse(null);
		Set<EmailKind> off = turnedOff(user.personId());
		List<Choice> choices = new ArrayList<>();
		for (EmailKind kind : EmailKind.forRole(user.role())) {
			choices.add(new Choice(kind, !off.contains(kind)));
		}
		return new View(email, channels.emailOn(), choices);
	}

	Set<EmailKind> turnedOff(long personId) {
		Set<EmailKind> off = EnumSet.noneOf(EmailKind.class);
		jdbc.sql("select kind from notification_opt_out where person_id = ?")
			.param(personId)
			.query(String.class)
			.list()
			.forEach(kind -> off.add(EmailKind.valueOf(kind)));
		return off;
	}

	/**
	 * The person gets exactly the kinds in {@code receive} of those their role may get.
	 */
	@Transactional
	void choose(long personId, Role role, Collection<EmailKind> receive) {
		for (EmailKind kind : EmailKind.forRole(role)) {
			if (receive.contains(kind)) {
				turnOn(personId, kind);
			}
			else {
				turnOff(personId, kind);
			}
		}
	}

	void turnOff(long personId, EmailKind kind) {
		jdbc.sql("""
				insert into notification_opt_out (person_id, kind) values (?, ?)
				on conflict (person_id, kind) do nothing""").params(personId, kind.name()).update();
	}

	private void turnOn(long personId, EmailKind kind) {
		jdbc.sql("delete from notification_opt_out where person_id = ? and kind = ?")
			.params(personId, kind.name())
			.update();
	}

}
