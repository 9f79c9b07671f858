package dev.platformmaturity.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import dev.platformmaturity.shared.MessageProblem;

/**
 * A request about an assessment that cannot be carried out, with the message key that
 * explains why; nothing was changed. 400 for bad input, 404 for something unknown, 409
 * for a state that does not allow it. The API answers it as problem details; pages
 * resolve it as a message like any other.
 */
public class AssessmentProblem extends MessageProblem {

	AssessmentProblem(HttpStatusCode status, String messageKey, Object... arguments) {
		super(status, messageKey, arguments);
	}

	static AssessmentProblem badInput(String messageKey, Object... arguments) {
		return new AssessmentProblem(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}

	static AssessmentProblem unknown(String messageKey, Object... arguments) {
		return new AssessmentProblem(HttpStatus.NOT_FOUND, messageKey, arguments);
	}

	static AssessmentProblem notNow(String messageKey, Object... arguments) {
		return new AssessmentProblem(HttpStatus.CONFLICT, messageKey, arguments);
	}

	/**
	 * Adds what the client needs to carry on, such as the state saved now, to the problem
	 * details.
	 */
	AssessmentProblem with(String property, Object value) {
		getBody().setProperty(property, value);
		return this;
	}

}
