package dev.platformmaturity.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.reliability.BadInput.Expected;

import static dev.platformmaturity.reliability.BadInput.Expected.afterRedirect;
import static dev.platformmaturity.reliability.BadInput.Expected.form;
import static dev.platformmaturity.reliability.BadInput.Expected.page;
import static dev.platformmaturity.reliability.BadInput.type;
import static dev.platformmaturity.reliability.BadInputRequests.*;
import static dev.platformmaturity.reliability.BadInputTest.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The bad-input rows of notification settings, webhooks, the log, e-mail choices and
 * unsubscribe links.
 */
final class NotificationBadInputs {

	private NotificationBadInputs() {
	}

	/**
	 * Notification settings, webhooks, the log, e-mail choices and unsubscribe links.
	 * This context has the defaults: webhooks must use https and may not call private
	 * addresses. Every webhook address here is on the loopback address, so that even a
	 * webhook stored by mistake would send nothing beyond this machine.
	 */
	static List<BadInput> rows() {
		List<BadInput> rows = new ArrayList<>();
		Function<BadInputTest.Fixture, AbstractMockHttpServletRequestBuilder<?>> webhook = f -> webhookForm();
		Function<BadInputTest.Fixture, AbstractMockHttpServletRequestBuilder<?>> settings = f -> settingsForm();
		record Field(String form, Role as,
				Function<BadInputTest.Fixture, AbstractMockHttpServletRequestBuilder<?>> post, String name) {
		}
		List<Field> fields = List.of(new Field("the webhook form", Role.ADMIN, webhook, "name"),
				new Field("the webhook form", Role.ADMIN, webhook, "url"),
				new Field("the webhook form", Role.ADMIN, webhook, "events"),
				new Field("the webhook form", Role.ADMIN, webhook, "language"),
				new Field("the notification settings", Role.ADMIN, settings, "reminderDays"),
				new Field("the notification settings", Role.ADMIN, settings, "digestDay"),
				new Field("the e-mail choices", Role.MEMBER, f -> post("/account/notifications"), "receive"),
				new Field("an unsubscribe link", null, f -> post("/unsubscribe"), "token"));
		for (Field field : fields) {
			rows.add(new BadInput("a NUL in " + field.name() + " of " + field.form(), field.as(),
					f -> field.post().apply(f).param(field.name(), NUL),
					page(400, "input.text.nul", field.name(), 2, "U+0000")));
			rows.add(new BadInput("a lone surrogate in " + field.name() + " of " + field.form(), field.as(),
					f -> field.post().apply(f).param(field.name(), LONE_SURROGATE),
					page(400, "input.text.loneSurrogate", field.name(), 2, "U+D800")));
		}
		record Address(String what, String url, Expected expected) {
		}
		for (Address address : List.of(
				new Address("plain http", "http://127.0.0.1:9/hook", form("notification.webhook.url.httpNotAllowed")),
				new Address("the loopback address", "https://127.0.0.1:9/hook",
						form("notification.webhook.url.privateAddress", "127.0.0.1", "127.0.0.1")),
				new Address("another loopback address", "https://127.0.0.2:9/hook",
						form("notification.webhook.url.privateAddress", "127.0.0.2", "127.0.0.2")),
				new Address("the IPv6 loopback address", "https://[::1]:9/hook",
						form("notification.webhook.url.privateAddress", "[::1]", "0:0:0:0:0:0:0:1")),
				new Address("a loopback address inside IPv6", "https://[::ffff:127.0.0.1]:9/hook",
						form("notification.webhook.url.privateAddress", "[::ffff:127.0.0.1]", "127.0.0.1")),
				new Address("words", "not an address", form("notification.webhook.url.invalid")),
				new Address("another scheme", "ftp://127.0.0.1:9/hook", form("notification.webhook.url.invalid")),
				new Address("a user and password", "https://user:secret@127.0.0.1:9/hook",
						form("notification.webhook.url.invalid")),
				new Address("a fragment", "https://127.0.0.1:9/hook#part", form("notification.webhook.url.invalid")),
				new Address("no address", "", form("notification.webhook.url.required")),
				new Address("2,001 characters", "https://127.0.0.1:9/" + "a".repeat(1981),
						form("notification.webhook.url.tooLong", 2000)))) {
			rows.add(new BadInput("a webhook address with " + address.what(), Role.ADMIN,
					f -> webhookForm("url", address.url()), address.expected()));
		}
		rows.addAll(List.of(
				new BadInput("a webhook without events", Role.ADMIN, f -> webhookForm("events", null),
						form("notification.webhook.events.empty")),
				new BadInput("a webhook with an event that does not exist", Role.ADMIN,
						f -> webhookForm("events", "quarter.exploded"),
						form("notification.webhook.events.unknown", "quarter.exploded")),
				new BadInput("a webhook subscribing to the test event", Role.ADMIN,
						f -> webhookForm("events", "webhook.test"),
						form("notification.webhook.events.unknown", "webhook.test")),
				new BadInput("a webhook without a name", Role.ADMIN, f -> webhookForm("name", " "),
						form("notification.webhook.name.required")),
				new BadInput("a webhook name of 101 characters", Role.ADMIN, f -> webhookForm("name", "n".repeat(101)),
						form("notification.webhook.name.tooLong", 100)),
				new BadInput("a webhook in a language that does not exist", Role.ADMIN,
						f -> webhookForm("language", "fr"), form("notification.webhook.language.invalid", "fr")),
				new BadInput("reminder days that are words", Role.ADMIN, f -> settingsForm("reminderDays", "a week"),
						form("notification.settings.reminderDays.invalid", "a", 90)),
				new BadInput("a reminder day of 0", Role.ADMIN, f -> settingsForm("reminderDays", "7, 0"),
						form("notification.settings.reminderDays.invalid", "0", 90)),
				new BadInput("a reminder day of 91", Role.ADMIN, f -> settingsForm("reminderDays", "91"),
						form("notification.settings.reminderDays.invalid", "91", 90)),
				new BadInput("a negative reminder day", Role.ADMIN, f -> settingsForm("reminderDays", "-1"),
						form("notification.settings.reminderDays.invalid", "-1", 90)),
				new BadInput("a reminder day of 1.5", Role.ADMIN, f -> settingsForm("reminderDays", "1.5"),
						form("notification.settings.reminderDays.invalid", "1.5", 90)),
				new BadInput("a reminder day left out between commas", Role.ADMIN,
						f -> settingsForm("reminderDays", "7,,1"),
						form("notification.settings.reminderDays.invalid", "", 90)),
				new BadInput("a reminder day given twice", Role.ADMIN, f -> settingsForm("reminderDays", "7, 1, 7"),
						form("notification.settings.reminderDays.twice", 7)),
				new BadInput("six reminder days", Role.ADMIN, f -> settingsForm("reminderDays", "30, 14, 7, 3, 2, 1"),
						form("notification.settings.reminderDays.tooMany", 5)),
				new BadInput("a digest day that does not exist", Role.ADMIN, f -> settingsForm("digestDay", "FUNDAY"),
						form("typeMismatch.settingsForm.digestDay")),
				new BadInput("no digest day", Role.ADMIN, f -> settingsForm("digestDay", ""),
						form("notification.settings.digestDay.required")),
				new BadInput("a settings version that is no number", Role.ADMIN, f -> settingsForm("version", "v1"),
						form("typeMismatch.java.lang.Long")),
				new BadInput("a log status that does not exist", Role.ADMIN,
						f -> get("/admin/notifications/log").param("status", "LOST"),
						page(400, "input.parameter.type", "status", type("oneOf", "PENDING, SENDING, SENT, FAILED"),
								"LOST")),
				new BadInput("retrying a message that does not exist", Role.ADMIN,
						f -> post("/admin/notifications/log/999999999/retry"),
						afterRedirect("notification.log.notFailed", 999999999)),
				new BadInput("retrying a message whose id is no number", Role.ADMIN,
						f -> post("/admin/notifications/log/abc/retry"),
						page(400, "input.parameter.type", "id", type("wholeNumber"), "abc")),
				new BadInput("an e-mail choice that does not exist", Role.MEMBER,
						f -> post("/account/notifications").param("receive", "EVERYTHING"),
						afterRedirect("notification.preferences.invalid")),
				new BadInput("opening an unsubscribe link that was changed", null,
						f -> get("/unsubscribe").param("token", "1.DUE_SOON." + "A".repeat(43)),
						page(400, "notification.unsubscribe.invalid")),
				new BadInput("a mail program posting an unsubscribe link that was changed", null,
						f -> post("/unsubscribe").param("token", "1.OVERDUE." + "A".repeat(43))
							.contentType(MediaType.APPLICATION_FORM_URLENCODED)
							.content("List-Unsubscribe=One-Click"),
						page(400, "notification.unsubscribe.invalid")),
				new BadInput("an unsubscribe link cut short", null,
						f -> get("/unsubscribe").param("token", "1.DUE_SOON.abc"),
						page(400, "notification.unsubscribe.invalid")),
				new BadInput("an unsubscribe link of a kind that does not exist", null,
						f -> get("/unsubscribe").param("token", "1.EVERYTHING." + "A".repeat(43)),
						page(400, "notification.unsubscribe.invalid")),
				new BadInput("an unsubscribe link without its token", null, f -> get("/unsubscribe"),
						page(400, "notification.unsubscribe.invalid"))));
		return rows;
	}

	/**
	 * The webhook form with a field changed (null: left out); valid but for the address,
	 * which is on loopback.
	 */
	private static MockHttpServletRequestBuilder webhookForm(String... changes) {
		return formPost("/admin/notifications/webhooks", Map.of("name", "Platform channel", "url",
				"https://127.0.0.1:9/hook", "events", "quarter.opened", "language", "en", "enabled", "true"), changes);
	}

	private static MockHttpServletRequestBuilder settingsForm(String... changes) {
		return formPost("/admin/notifications/settings",
				Map.of("reminderDays", "7, 1", "digestDay", "MONDAY", "version", "0"), changes);
	}

	private static MockHttpServletRequestBuilder formPost(String path, Map<String, String> values, String... changes) {
		Map<String, String> fields = new java.util.TreeMap<>(values);
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder form = post(path);
		fields.forEach((name, value) -> {
			if (value != null) {
				form.param(name, value);
			}
		});
		return form;
	}

}
