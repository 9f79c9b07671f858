package dev.platformmaturity.account;

import java.util.List;

import dev.platformmaturity.shared.FieldProblem;

/** A person could not be saved; each problem names its field. Nothing was changed. */
public class InvalidPersonException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidPersonException(List<FieldProblem> problems) {
		super("Invalid person: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
