package dev.platformmaturity.shared;

/**
 * A problem with one field of an input, as a message key with its arguments, to be shown
 * in the user's language.
 */
public record FieldProblem(String field, String messageKey, Object... arguments) {
}
