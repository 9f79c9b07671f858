package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import dev.platformmaturity.model.MaturityModel;

/**
 * The history of an assessment in words: what changed, from what to what, by whom and
 * when.
 */
final class HistoryEntries {

	record Entry(String what, String aspect, String subject, String from, String to, String reason, String by,
			java.time.Instant at) {
	}

	private HistoryEntries() {
	}

	static List<Entry> of(List<Assessments.Change> changes, MaturityModel model, String language,
			MessageSource messages, Locale locale) {
		return changes.stream()
			.map(change -> new Entry(messages.getMessage("history.kind." + change.kind(), null, locale),
					aspect(change, model, language), subject(change, model, language),
					value(change.kind(), change.oldValue(), model, language, messages, locale),
					value(change.kind(), change.newValue(), model, language, messages, locale), change.reason(),
					change.by(), change.at()))
			.toList();
	}

	/**
	 * The aspect of the question or target changed; empty for the assessment as a whole.
	 */
	private static String aspect(Assessments.Change change, MaturityModel model, String language) {
		if (change.subject() == null) {
			return "";
		}
		return model.aspects()
			.stream()
			.filter(aspect -> aspect.key().equals(change.subject())
					|| aspect.questions().stream().anyMatch(question -> question.id().equals(change.subject())))
			.map(aspect -> aspect.name().in(language))
			.findFirst()
			.orElse("");
	}

	private static String subject(Assessments.Change change, MaturityModel model, String language) {
		if (change.subject() == null) {
			return "";
		}
		return model.question(change.subject())
			.map(question -> question.text().in(language))
			.or(() -> model.aspect(change.subject()).map(aspect -> aspect.name().in(language)))
			.orElse(change.subject());
	}

	private static String value(String kind, String value, MaturityModel model, String language, MessageSource messages,
			Locale locale) {
		if (value == null) {
			return kind.equals("START") || kind.equals("SUBMIT") || kind.equals("REOPEN") || kind.equals("IMPORT") ? ""
					: messages.getMessage("history.none", null, locale);
		}
		return switch (kind) {
			case "ANSWER", "CONFIRM", "IMPORT" -> value.equals("n/a")
					? messages.getMessage("assessment.notApplicable", null, locale) : option(value, model, language);
			case "TARGET" -> messages.getMessage("history.level", new Object[] { value }, locale);
			case "START" -> messages.getMessage("history.prefilledFrom", new Object[] { value }, locale);
			default -> value;
		};
	}

	private static String option(String key, MaturityModel model, String language) {
		int separator = key.lastIndexOf(':');
		return model.question(key.substring(0, separator))
			.flatMap(question -> question.option(Integer.parseInt(key.substring(separator + 1))))
			.map(option -> option.value() + " · " + option.label().in(language))
			.orElse(key);
	}

}
