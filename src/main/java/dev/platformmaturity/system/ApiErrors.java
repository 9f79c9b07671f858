package dev.platformmaturity.system;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, with the detail in the caller's language: a feature module
 * throws an {@link org.springframework.web.ErrorResponseException} naming a message key, and this resolves it.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	ApiErrors(MessageSource messages) {
		setMessageSource(messages);
	}

}
