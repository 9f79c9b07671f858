package dev.platformmaturity.system;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a request that failed because the database is unreachable or refuses writes
 * with 503 and {@code Retry-After}: problem details in the caller's language for the API
 * and other non-HTML clients, a page in the interface language for browsers. It wraps the
 * whole chain, Spring Session's filter and security included, so a sign-in, or a session
 * read or written in the database, is answered the same way. The answer is written here,
 * to the response as the container gave it, without the error page's dispatch, because
 * that dispatch, or saving the session when a wrapped response commits, could need the
 * database again.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos() - 1);

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	private final DatabaseProperties properties;

	DatabaseOutageFilter(ITemplateEngine templates, MessageSource messages, LocaleResolver locales, JsonMapper json,
			DatabaseProperties properties) {
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException failure) {
			if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
				throw failure;
			}
			logOnceInAWhile(request, failure);
			unavailable(request, response);
		}
	}

	/**
	 * During an outage every request fails alike: a warning every 10 s, the rest at debug
	 * level.
	 */
	private void logOnceInAWhile(HttpServletRequest request, Exception failure) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if (now - last > WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now)) {
			log.warn("{} {} answered 503, the database is unavailable: {}", request.getMethod(),
					request.getRequestURI(), failure.getMessage());
		}
		else {
			log.debug("{} {} answered 503, the database is unavailable: {}", request.getMethod(),
					request.getRequestURI(), failure.getMessage());
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setCharacterEncoding("UTF-8");
		if (wantsPage(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			WebContext page = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response), locale);
			boolean reading = HttpMethod.GET.matches(request.getMethod());
			page.setVariable("retry", reading ? currentPage(request) : null);
			templates.process("system/unavailable", page, response.getWriter());
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
			problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
			problem.put("detail", messages.getMessage("database.unavailable.detail", null, locale));
			problem.put("instance", request.getRequestURI());
			json.writeValue(response.getWriter(), problem);
		}
		response.flushBuffer();
	}

	/**
	 * Browsers get a page; the API and clients that do not take HTML get problem details.
	 */
	private static boolean wantsPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept == null || accept.contains("text/html") || accept.contains("*/*");
	}

	private static String currentPage(HttpServletRequest request) {
		return request.getQueryString() == null ? request.getRequestURI()
				: request.getRequestURI() + "?" + request.getQueryString();
	}

}
