package dev.platformmaturity.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

	/**
	 * A safety net for two writes of one row at the same moment that no service turned into its own answer: the one
	 * that lost gets 409, never 500.
	 */
	@ExceptionHandler
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException lost, Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				getMessageSource().getMessage("error.changedMeanwhile", null, locale));
	}

}
