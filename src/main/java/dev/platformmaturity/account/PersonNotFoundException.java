package dev.platformmaturity.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No person with this id (404). */
public class PersonNotFoundException extends ErrorResponseException {

	PersonNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "error.person.notFound",
				new Object[] { id });
	}

}
