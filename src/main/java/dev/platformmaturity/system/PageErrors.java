package dev.platformmaturity.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input on pages: the error page with status 400 and what was wrong, in the reader's
 * language. The JSON API answers the same problems as problem details ({@link ApiErrors},
 * which comes first for its controllers).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final MessageSource messages;

	private final LayoutAttributes layout;

	PageErrors(MessageSource messages, LayoutAttributes layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler
	ModelAndView refused(InputProblem refused, HttpServletRequest request, Locale locale) {
		return badRequest(messages.getMessage(refused.problem().messageKey(), refused.problem().arguments(), locale),
				request);
	}

	@ExceptionHandler
	ModelAndView notConvertible(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request,
			Locale locale) {
		return badRequest(messages.getMessage(ParameterProblems.notConvertible(mismatch), locale), request);
	}

	@ExceptionHandler
	ModelAndView missing(MissingServletRequestParameterException missing, HttpServletRequest request, Locale locale) {
		return badRequest(messages.getMessage(ParameterProblems.missing(missing), locale), request);
	}

	private ModelAndView badRequest(String problem, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("problem", problem);
		page.addObject("pageLinks", layout.pageLinks());
		page.addObject("languageLinks", layout.languageLinks(request));
		return page;
	}

}
