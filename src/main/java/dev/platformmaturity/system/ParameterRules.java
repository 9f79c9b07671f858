package dev.platformmaturity.system;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;

/**
 * Applies {@link TextRules} to every request parameter (query and form fields, names and values) and path variable
 * before any controller or other interceptor reads them, so searches, forms and addresses of every endpoint, present
 * and future, are covered. A refused request answers 400 with the field's problem ({@link InputProblem}).
 */
@Configuration(proxyBeanMethods = false)
class ParameterRules implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		parameters(request).forEach((name, values) -> {
			check(name, name);
			for (String value : values) {
				check(name, value);
			}
		});
		@SuppressWarnings("unchecked")
		Map<String, String> pathVariables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (pathVariables != null) {
			pathVariables.forEach(ParameterRules::check);
		}
		return true;
	}

	/**
	 * The servlet container decodes parameters when they are first asked for, and reports parameters it cannot
	 * decode (bytes that are not UTF-8, broken %-escapes) with an IllegalStateException.
	 */
	private static Map<String, String[]> parameters(HttpServletRequest request) {
		try {
			return request.getParameterMap();
		}
		catch (IllegalStateException undecodable) {
			throw new InputProblem(new FieldProblem("", "input.parameters.undecodable"));
		}
	}

	private static void check(String field, String text) {
		TextRules.problem(field, text).ifPresent(problem -> {
			throw new InputProblem(problem);
		});
	}

}
