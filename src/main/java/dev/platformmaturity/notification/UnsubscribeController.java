package dev.platformmaturity.notification;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of an e-mail, without signing in. Opening it shows what it stops
 * and a button (so that a link checker that opens every link unsubscribes nobody); the
 * button, or a mail program's one-click POST (RFC 8058, body
 * {@code List-Unsubscribe=One-Click}), stops that kind of e-mail. A link whose signature
 * is wrong changes nothing.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final EmailPreferences preferences;

	private final JdbcClient jdbc;

	UnsubscribeController(UnsubscribeLinks links, EmailPreferences preferences, JdbcClient jdbc) {
		this.links = links;
		this.preferences = preferences;
		this.jdbc = jdbc;
	}

	@GetMapping(NotificationUrlRules.UNSUBSCRIBE)
	ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
		return subscription(token).map(subscription -> page(token, subscription, false)).orElseGet(this::invalid);
	}

	@PostMapping(NotificationUrlRules.UNSUBSCRIBE)
	ModelAndView unsubscribe(@RequestParam(defaultValue = "") String token) {
		Optional<Subscription> subscription = subscription(token);
		subscription.ifPresent(found -> preferences.turnOff(found.personId(), found.kind()));
		return subscription.map(found -> page(token, found, true)).orElseGet(this::invalid);
	}

	private record Subscription(long personId, EmailKind kind, String email) {
	}

	/** The subscription of a valid link whose person still exists. */
	private Optional<Subscription> subscription(String token) {
		return links.verify(token)
			.flatMap(signed -> jdbc.sql("select coalesce(email, '') from person where id = ?")
				.param(signed.personId())
				.query(String.class)
				.optional()
				.map(email -> new Subscription(signed.personId(), signed.kind(), masked(email))));
	}

	private static ModelAndView page(String token, Subscription subscription, boolean done) {
		ModelAndView page = new ModelAndView("notification/unsubscribe");
		page.addObject("token", token);
		page.addObject("kind", subscription.kind().name());
		page.addObject("email", subscription.email());
		page.addObject("done", done);
		return page;
	}

	private ModelAndView invalid() {
		ModelAndView page = new ModelAndView("notification/unsubscribe", HttpStatus.BAD_REQUEST);
		page.addObject("invalid", true);
		return page;
	}

	/**
	 * {@code w***@example.org}: enough to recognise one's own address, not to learn
	 * somebody else's.
	 */
	static String masked(String email) {
		int at = email.indexOf('@');
		if (at < 1) {
			return "";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
