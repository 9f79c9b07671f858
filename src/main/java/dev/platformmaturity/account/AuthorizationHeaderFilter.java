package dev.platformmaturity.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's {@code Authorization} header: {@code Bearer <personal access token>}
 * authenticates this request alone (never a session); {@code Basic} is left to HTTP Basic
 * once it is well-formed; anything else is refused with 401. A token limited to reading
 * is refused with 403 on any request that may change something.
 */
class AuthorizationHeaderFilter extends OncePerRequestFilter {

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

	private final AccessTokens tokens;

	private final AuthenticationEntryPoint refuse;

	private final AccessDeniedHandler deny;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	AuthorizationHeaderFilter(AccessTokens tokens, AuthenticationEntryPoint refuse, AccessDeniedHandler deny) {
		this.tokens = tokens;
		this.refuse = refuse;
		this.deny = deny;
	}

	/**
	 * Whether a request authenticates itself, so that it needs neither a session nor a
	 * CSRF token.
	 */
	static boolean authenticatesItself(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			if (hasScheme(header, "Bearer")) {
				AccessTokenAuthentication token = tokens.authenticate(header.substring(6).strip());
				if (!token.mayWrite() && !READING.contains(request.getMethod())) {
					deny.handle(request, response, new ReadOnlyTokenException());
					return;
				}
				SecurityContext context = contexts.createEmptyContext();
				context.setAuthentication(token);
				contexts.setContext(context);
			}
			else if (!hasScheme(header, "Basic") || !wellFormedBasic(header.substring(5).strip())) {
				throw new AccessTokenException("api.authorization.malformed");
			}
		}
		catch (AuthenticationException refused) {
			contexts.clearContext();
			refuse.commence(request, response, refused);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasScheme(String header, String scheme) {
		return header.length() > scheme.length() && header.regionMatches(true, 0, scheme, 0, scheme.length())
				&& header.charAt(scheme.length()) == ' ';
	}

	private static boolean wellFormedBasic(String credentials) {
		try {
			return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8).indexOf(':') > 0;
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	/** A token that may only read was sent with a request that may change something. */
	static class ReadOnlyTokenException extends AccessDeniedException implements LocalizedRefusal {

		ReadOnlyTokenException() {
			super("The access token may only read");
		}

		@Override
		public String messageKey() {
			return "api.token.readOnly";
		}

		@Override
		public Object[] arguments() {
			return new Object[0];
		}

	}

}
