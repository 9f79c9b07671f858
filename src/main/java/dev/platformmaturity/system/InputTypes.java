package dev.platformmaturity.system;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.ClassUtils;

import dev.platformmaturity.shared.TextRules;

/**
 * What a value sent for a Java type has to look like, as a message for "… must be {1}" in
 * the reader's language.
 */
final class InputTypes {

	private static final int LONGEST_SHOWN_VALUE = 40;

	private InputTypes() {
	}

	static MessageSourceResolvable describe(Class<?> type) {
		Class<?> boxed = type == null ? Object.class : ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed.isEnum()) {
			return new DefaultMessageSourceResolvable(new String[] { "input.type.oneOf" },
					new Object[] { Arrays.stream(boxed.getEnumConstants())
						.map(constant -> ((Enum<?>) constant).name())
						.collect(Collectors.joining(", ")) });
		}
		String kind;
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			kind = "wholeNumber";
		}
		else if (Number.class.isAssignableFrom(boxed)) {
			kind = "number";
		}
		else if (boxed == Boolean.class) {
			kind = "boolean";
		}
		else if (boxed == LocalDate.class) {
			kind = "date";
		}
		else if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
			kind = "text";
		}
		else if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
			kind = "list";
		}
		else if (boxed.isRecord() || Map.class.isAssignableFrom(boxed)) {
			kind = "object";
		}
		else {
			kind = "value";
		}
		return new DefaultMessageSourceResolvable("input.type." + kind);
	}

	/**
	 * A value as it may be quoted in a message: shortened, with characters that cannot be
	 * shown written as codes.
	 */
	static String shown(Object value) {
		String text = value instanceof Object[] values
				? String.join(",", Arrays.stream(values).map(String::valueOf).toList()) : String.valueOf(value);
		if (text.codePointCount(0, text.length()) > LONGEST_SHOWN_VALUE) {
			text = text.substring(0, text.offsetByCodePoints(0, LONGEST_SHOWN_VALUE)) + "…";
		}
		return TextRules.visible(text);
	}

}
