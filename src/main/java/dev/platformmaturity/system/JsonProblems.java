package dev.platformmaturity.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;

import dev.platformmaturity.system.JsonRules.RefusedText;

/**
 * Says what was wrong with a JSON request body and where: the field (as a path like
 * {@code answers[2].comment}) for a value of the wrong kind, or the line and column for
 * JSON that cannot be parsed. Jackson's own messages are English and technical; these are
 * messages in the caller's language.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * @param message the detail, resolved in the caller's language
	 * @param properties added to the problem details: {@code field}, or {@code line} and
	 * {@code column}
	 */
	record Problem(MessageSourceResolvable message, Map<String, Object> properties) {
	}

	static Problem describe(HttpMessageNotReadableException unreadable) {
		if (!(unreadable.getCause() instanceof JacksonException json)) {
			return new Problem(message(unreadable.getCause() == null ? "api.json.missing" : "api.json.unreadable"),
					Map.of());
		}
		String field = path(json);
		Object where = field.isEmpty() ? message("api.json.body") : field;
		if (json instanceof RefusedText refused) {
			return atField(field,
					message(refused.flaw().messageKey(), where, refused.flaw().position(), refused.flaw().character()));
		}
		if (json instanceof UnrecognizedPropertyException unknown) {
			List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			return atField(field, message("api.json.field.unknown", where, String.join(", ", known)));
		}
		if (json instanceof MismatchedInputException mismatch) {
			return atField(field, message(field.isEmpty() ? "api.json.body.type" : "api.json.field.type", where,
					InputTypes.describe(mismatch.getTargetType())));
		}
		if (json instanceof InputCoercionException outOfRange) {
			return atField(field,
					message("api.json.field.range", where, InputTypes.describe(outOfRange.getTargetType())));
		}
		if (json instanceof StreamReadException read
				&& read.getOriginalMessage().startsWith("Duplicate Object property") && read.processor() != null) {
			String duplicate = Objects.requireNonNullElse(read.processor().currentName(), "");
			return atLocation(json, message("api.json.field.duplicate", InputTypes.shown(duplicate)));
		}
		if (json instanceof StreamReadException read && read.getOriginalMessage().startsWith("Invalid UTF-8")) {
			return atLocation(json, message("api.json.notUtf8", line(json)));
		}
		if (json instanceof StreamConstraintsException) {
			return atLocation(json, message("api.json.tooLarge"));
		}
		if (json instanceof UnexpectedEndOfInputException) {
			return atLocation(json, message("api.json.incomplete", line(json), column(json)));
		}
		return atLocation(json, message("api.json.syntax", line(json), column(json)));
	}

	private static Problem atField(String field, MessageSourceResolvable message) {
		return new Problem(message, field.isEmpty() ? Map.of() : Map.of("field", field));
	}

	private static Problem atLocation(JacksonException json, MessageSourceResolvable message) {
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("line", line(json));
		where.put("column", column(json));
		return new Problem(message, where);
	}

	/**
	 * The field as a path from the body: {@code level}, {@code answers[2].comment}; empty
	 * for the body itself.
	 */
	static String path(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(InputTypes.shown(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static int line(JacksonException json) {
		TokenStreamLocation location = json.getLocation();
		return location == null ? 0 : location.getLineNr();
	}

	private static int column(JacksonException json) {
		TokenStreamLocation location = json.getLocation();
		return location == null ? 0 : location.getColumnNr();
	}

	private static MessageSourceResolvable message(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
	}

}
