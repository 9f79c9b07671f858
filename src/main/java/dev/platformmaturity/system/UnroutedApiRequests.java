package dev.platformmaturity.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller: an unknown address, a method or an answer format an
 * address does not offer. Under {@code /api/} they are answered as problem details in the
 * caller's language, like every other API error; elsewhere with the error page, as
 * before.
 */
@RestControllerAdvice
class UnroutedApiRequests {

	private final MessageSource messages;

	UnroutedApiRequests(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> unrouted(Exception exception, HttpServletRequest request,
			HttpServletResponse response, Locale locale) throws IOException {
		ErrorResponse error = (ErrorResponse) exception;
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(error.getStatusCode().value());
			return null;
		}
		return ResponseEntity.status(error.getStatusCode())
			.headers(error.getHeaders())
			.body(error.updateAndGetBody(messages, locale));
	}

}
