package dev.platformmaturity.team;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No team with this slug that the caller may see. The same answer for a team that does
 * not exist and one the caller may not read, so that its existence is not revealed.
 */
public class TeamNotFoundException extends ErrorResponseException {

	public TeamNotFoundException(String slug) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "error.team.notFound",
				new Object[] { slug });
	}

}
