package dev.platformmaturity.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.platformmaturity.shared.FieldProblem;

/**
 * A request refused for what it sent, before anything was read or changed: 400 with the
 * message of the problem in the caller's language, as problem details for the API and as
 * the error page for pages.
 */
class InputProblem extends ErrorResponseException {

	private final FieldProblem problem;

	InputProblem(FieldProblem problem) {
		super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, problem.messageKey(),
				problem.arguments());
		this.problem = problem;
		if (!problem.field().isEmpty()) {
			getBody().setProperty("field", problem.field());
		}
	}

	FieldProblem problem() {
		return problem;
	}

}
