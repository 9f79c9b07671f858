package dev.platformmaturity.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model file that cannot be imported; lists every problem found, each with its path in
 * the file.
 */
public class InvalidModelFileException extends RuntimeException {

	private final String source;

	private final List<Problem> problems;

	InvalidModelFileException(String source, List<Problem> problems) {
		super("Model file " + source + " is invalid; nothing was imported. " + problems.size() + " problem(s):\n"
				+ problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n")));
		this.source = source;
		this.problems = List.copyOf(problems);
	}

	public String source() {
		return source;
	}

	public List<Problem> problems() {
		return problems;
	}

	public record Problem(String path, String message) {

		@Override
		public String toString() {
			return path.isEmpty() ? message : path + ": " + message;
		}

	}

}
