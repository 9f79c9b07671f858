package dev.platformmaturity.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an e-mail in its recipient's language from what the outbox recorded: the
 * subject from the message bundles, plain text from {@code templates/mail/<kind>.txt} and
 * HTML from {@code templates/mail/<kind>.html}, with links to the application at its
 * public address and the person's unsubscribe link. A template engine of its own, so that
 * the pages' engine is left as it is.
 */
@Component
class EmailMessages {

	/** A rendered e-mail. */
	record Rendered(String subject, String text, String html, String unsubscribe) {
	}

	/** The person an e-mail goes to, as they are when it is sent. */
	record Recipient(long personId, String name, String email, String language) {
	}

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final JsonMapper json;

	private final NotificationProperties properties;

	private final UnsubscribeLinks unsubscribe;

	EmailMessages(MessageSource messages, JsonMapper json, NotificationProperties properties,
			UnsubscribeLinks unsubscribe) {
		this.messages = messages;
		this.json = json;
		this.properties = properties;
		this.unsubscribe = unsubscribe;
		this.templates = new SpringTemplateEngine();
		templates.setTemplateEngineMessageSource(messages);
		templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

	Rendered render(EmailKind kind, Recipient recipient, String payload) {
		Locale locale = Locale.forLanguageTag(recipient.language());
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", recipient.name());
		variables.put("kind", kind.name());
		variables.put("links", new Links(properties.publicBaseUrl()));
		String unsubscribeLink = unsubscribe.link(recipient.personId(), kind, recipient.language());
		variables.put("unsubscribe", unsubscribeLink);
		String subject;
		if (kind.forLeads()) {
			EmailContent.Summary summary = json.readValue(payload, EmailContent.Summary.class);
			variables.put("summary", summary);
			variables.put("quarter", summary.quarter());
			variables.put("due", date(summary.dueOn(), locale));
			variables.put("language", recipient.language());
			subject = messages.getMessage(kind.messages() + ".subject",
					new Object[] { summary.quarter(), summary.submitted(), summary.teams() }, locale);
		}
		else {
			EmailContent.Reminder reminder = json.readValue(payload, EmailContent.Reminder.class);
			variables.put("reminder", reminder);
			variables.put("quarter", reminder.quarter());
			variables.put("due", date(reminder.dueOn(), locale));
			subject = messages.getMessage(kind.messages() + ".subject",
					new Object[] { reminder.quarter(), date(reminder.dueOn(), locale), reminder.days() }, locale);
		}
		Context context = new Context(locale, variables);
		return new Rendered(subject, templates.process(kind.template() + ".txt", context),
				templates.process(kind.template() + ".html", context), unsubscribeLink);
	}

	/** A date as people of the language write it: 15 November 2026, 2026年11月15日. */
	static String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	/** Links into the application at its public address, for the templates. */
	record Links(String base) {

		public String assessment(String team, String quarter) {
			return base + "/teams/" + team + "/assessments/" + quarter;
		}

		public String dashboard(String quarter) {
			return base + "/dashboard?quarter=" + quarter;
		}

		public String report(String quarter) {
			return base + "/reports/organisation.pdf?quarter=" + quarter;
		}

		public String account() {
			return base + "/account#notifications";
		}

		public String home() {
			return base + "/";
		}

	}

}
