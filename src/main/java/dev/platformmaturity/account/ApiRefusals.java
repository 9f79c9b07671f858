package dev.platformmaturity.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.LocaleResolver;

import dev.platformmaturity.account.ThrottledAuthenticationProvider.SignInLockedException;

/**
 * The API's 401 and 403 answers, as problem details in the caller's language. A request
 * of a session that has ended, or without a valid CSRF token and not signed in (the save
 * of a page whose session has ended), is answered 401 with "sign in again", so the page
 * can ask the person to; a signed-in one is told that the page's security token expired.
 */
final class ApiRefusals {

	private static final JsonMapper PROBLEM_WRITER = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	ApiRefusals(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	AuthenticationEntryPoint unauthorized() {
		return (request, response, failure) -> {
			String detail;
			if (failure instanceof SignInLockedException locked) {
				detail = message(request, "signIn.locked", locked.minutesRemaining());
			}
			else if (failure instanceof LocalizedRefusal refusal) {
				detail = message(request, refusal.messageKey(), refusal.arguments());
			}
			else if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
				detail = message(request, "api.error.sessionEnded");
			}
			else {
				detail = message(request, "api.error.unauthorized");
			}
			unauthorized(response, detail);
		};
	}

	AccessDeniedHandler forbidden() {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException && !signedIn()) {
				unauthorized(response, message(request, "api.error.sessionEnded"));
			}
			else if (denied instanceof CsrfException) {
				write(response, HttpStatus.FORBIDDEN, message(request, "security.csrf.expired"));
			}
			else if (denied instanceof LocalizedRefusal refusal) {
				write(response, HttpStatus.FORBIDDEN, message(request, refusal.messageKey(), refusal.arguments()));
			}
			else {
				write(response, HttpStatus.FORBIDDEN, message(request, "api.error.forbidden"));
			}
		};
	}

	static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private String message(HttpServletRequest request, String key, Object... arguments) {
		return messages.getMessage(key, arguments, locales.resolveLocale(request));
	}

	/**
	 * Browsers would offer a password prompt for a Basic challenge; scripts send their
	 * credentials unasked.
	 */
	private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Platform Maturity\"");
		write(response, HttpStatus.UNAUTHORIZED, detail);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		PROBLEM_WRITER.writeValue(response.getWriter(), problem);
	}

}
