package dev.platformmaturity.system;

import java.util.Locale;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, with the detail in the caller's
 * language: a feature module throws an
 * {@link org.springframework.web.ErrorResponseException} naming a message key, and this
 * resolves it. Comes before {@link PageErrors}, which also applies to these controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	ApiErrors(MessageSource messages) {
		setMessageSource(messages);
	}

	/**
	 * A safety net for two writes of one row at the same moment that no service turned
	 * into its own answer: the one that lost gets 409, never 500.
	 */
	@ExceptionHandler
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException lost, Locale locale) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				getMessageSource().getMessage("error.changedMeanwhile", null, locale));
	}

	/**
	 * Malformed JSON, a value of the wrong kind, a missing body: what was wrong and where
	 * ({@link JsonProblems}).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JsonProblems.Problem problem = JsonProblems.describe(unreadable);
		ProblemDetail body = detail(unreadable, status, problem.message(), request);
		problem.properties().forEach(body::setProperty);
		return handleExceptionInternal(unreadable, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!(mismatch instanceof MethodArgumentTypeMismatchException parameter)) {
			return super.handleTypeMismatch(mismatch, headers, status, request);
		}
		ProblemDetail body = detail(mismatch, status, ParameterProblems.notConvertible(parameter), request);
		body.setProperty("field", parameter.getName());
		return handleExceptionInternal(mismatch, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException missing, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		ProblemDetail body = detail(missing, status, ParameterProblems.missing(missing), request);
		body.setProperty("field", missing.getParameterName());
		return handleExceptionInternal(missing, body, headers, status, request);
	}

	private ProblemDetail detail(Exception exception, HttpStatusCode status, MessageSourceResolvable message,
			WebRequest request) {
		return createProblemDetail(exception, status, message.getCodes()[0], message.getCodes()[0],
				message.getArguments(), request);
	}

}
