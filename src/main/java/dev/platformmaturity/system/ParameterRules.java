package dev.platformmaturity.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;

/**
 * Applies {@link TextRules} to every request parameter (query and form fields, names and
 * values) and path variable before any controller or other interceptor reads them, so
 * searches, forms and addresses of every endpoint, present and future, are covered. A
 * refused request answers 400 with the field's problem ({@link InputProblem}).
 * <p>
 * Parameters that the servlet container cannot decode (bytes that are not UTF-8, broken
 * %-escapes) are refused too. The container reports them only to the first one who asks,
 * and then drops them silently, so a filter asks first, before the language filter and
 * security read parameters of their own.
 */
@Configuration(proxyBeanMethods = false)
class ParameterRules implements WebMvcConfigurer, HandlerInterceptor {

	private static final String UNDECODABLE = ParameterRules.class.getName() + ".undecodable";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> decodeParametersFirst() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (!isMultipart(request)) {
							try {
								request.getParameterMap();
							}
							catch (IllegalStateException undecodable) {
								request.setAttribute(UNDECODABLE, undecodable);
							}
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(-300);
		return registration;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		if (request.getAttribute(UNDECODABLE) != null) {
			throw undecodable();
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
	 * The container reports parameters it cannot decode with an IllegalStateException
	 * (multipart forms come here).
	 */
	private static Map<String, String[]> parameters(HttpServletRequest request) {
		try {
			return request.getParameterMap();
		}
		catch (IllegalStateException undecodable) {
			throw undecodable();
		}
	}

	private static InputProblem undecodable() {
		return new InputProblem(new FieldProblem("", "input.parameters.undecodable"));
	}

	/**
	 * Multipart forms are decoded by Spring MVC, which answers their own problems such as
	 * files that are too large.
	 */
	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static void check(String field, String text) {
		TextRules.problem(field, text).ifPresent(problem -> {
			throw new InputProblem(problem);
		});
	}

}
