package dev.platformmaturity.notification;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No webhook has this id (any more): the page answers 404 with the reason. */
class WebhookNotFoundException extends ErrorResponseException {

	WebhookNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
				"notification.webhook.notFound", new Object[] { id });
	}

}
