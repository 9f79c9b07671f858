package dev.platformmaturity.team;

import java.util.List;

import dev.platformmaturity.shared.FieldProblem;

/** Input an administrator gave cannot be saved; nothing was changed. */
class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidInputException(FieldProblem problem) {
		this(List.of(problem));
	}

	InvalidInputException(List<FieldProblem> problems) {
		super("Invalid input: " + problems);
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return problems;
	}

}
