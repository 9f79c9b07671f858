package dev.platformmaturity.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class QuarterNotFoundException extends ErrorResponseException {

	public QuarterNotFoundException(String label) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "error.quarter.notFound",
				new Object[] { label });
	}

}
