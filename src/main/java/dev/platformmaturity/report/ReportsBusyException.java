package dev.platformmaturity.report;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * As many reports as memory allows are being rendered, and none finished within the wait:
 * 503 with Retry-After.
 */
class ReportsBusyException extends ErrorResponseException {

	private final Duration retryAfter;

	ReportsBusyException(Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), null,
				"report.busy", new Object[] { retryAfter.toSeconds() });
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
