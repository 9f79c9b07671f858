package dev.platformmaturity.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A safety net for pages: two writes of one row at the same moment that no controller
 * turned into its own answer give the error page with 409 and what to do, never 500. It
 * comes after Spring MVC's own resolvers, so the API's problem details
 * ({@link ApiErrors}) answer first.
 */
@Component
class ChangedMeanwhilePages implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception failure) {
		if (!(failure instanceof OptimisticLockingFailureException)) {
			return null;
		}
		try {
			response.sendError(HttpServletResponse.SC_CONFLICT);
		}
		catch (IOException responseGone) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
