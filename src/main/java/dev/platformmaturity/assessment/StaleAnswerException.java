package dev.platformmaturity.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Someone else changed the answer since the edit started; nothing was saved. Carries the
 * answer as it is now.
 */
public class StaleAnswerException extends ErrorResponseException {

	private final AnswerState current;

	StaleAnswerException(AnswerState current) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, "assessment.answer.stale",
				new Object[] { current.updatedBy() == null ? "?" : current.updatedBy() });
		this.current = current;
		getBody().setProperty("current", current);
	}

	public AnswerState current() {
		return current;
	}

}
