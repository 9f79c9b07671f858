package dev.platformmaturity.exchange;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file that cannot be imported, with every problem found, in the reader's language;
 * nothing was written.
 */
class ExchangeRefused extends ErrorResponseException {

	private final List<String> problems;

	ExchangeRefused(List<String> problems) {
		super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, "exchange.refused",
				new Object[] { problems.size(), problems.get(0) });
		this.problems = List.copyOf(problems);
		getBody().setProperty("problems", this.problems);
	}

	List<String> problems() {
		return problems;
	}

}
