package dev.platformmaturity.team;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class GroupNotFoundException extends ErrorResponseException {

	public GroupNotFoundException(Object group) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "error.group.notFound",
				new Object[] { group });
	}

}
