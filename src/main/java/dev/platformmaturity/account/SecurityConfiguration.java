package dev.platformmaturity.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

import dev.platformmaturity.account.ThrottledAuthenticationProvider.SignInLockedException;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**}: HTTP Basic or an existing browser session, never a new
 * session, 401/403 as problem JSON. Everything else: form sign-in with a session. CSRF protection covers every
 * state-changing request in both. Roles include the lower ones: ADMIN > LEAD > MEMBER.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final JsonMapper PROBLEM_WRITER = JsonMapper.builder().build();

	static final String SIGN_IN_USERNAME = SecurityConfiguration.class.getName() + ".username";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("LEAD").role("LEAD").implies("MEMBER").build();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setHideUserNotFoundExceptions(true);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			MessageSource messages, LocaleResolver locales) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/model").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/dashboard/**", "/api/v1/reports/**").hasRole("LEAD")
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED, "api.error.unauthorized", messages, locales)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED, "api.error.unauthorized", messages, locales))
				.accessDeniedHandler(deniedProblem(messages, locales)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			LocaleResolver locales) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/model", "/about", "/login", "/error", "/css/**", "/js/**", "/favicon.svg").permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.requestMatchers("/dashboard", "/dashboard/**", "/reports/**").hasRole("LEAD")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signedIn(locales))
				.failureHandler(this::signInFailed)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/** After sign-in, the interface switches to the person's preferred language. */
	private static SavedRequestAwareAuthenticationSuccessHandler signedIn(LocaleResolver locales) {
		return new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					org.springframework.security.core.Authentication authentication) throws IOException, jakarta.servlet.ServletException {
				if (authentication.getPrincipal() instanceof AccountUser user) {
					locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** Back to the sign-in page with the reason, keeping the typed username (never the password). */
	private void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		request.getSession().setAttribute(SIGN_IN_USERNAME, request.getParameter("username"));
		String reason = failure instanceof SignInLockedException locked ? "locked=" + locked.minutesRemaining() : "error";
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

	private static AuthenticationEntryPoint problem(HttpStatus status, String messageKey, MessageSource messages,
			LocaleResolver locales) {
		return (request, response, failure) -> {
			String detail = failure instanceof SignInLockedException locked
					? messages.getMessage("signIn.locked", new Object[] { locked.minutesRemaining() }, locales.resolveLocale(request))
					: messages.getMessage(messageKey, null, locales.resolveLocale(request));
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Platform Maturity\"");
			writeProblem(response, status, detail);
		};
	}

	private static AccessDeniedHandler deniedProblem(MessageSource messages, LocaleResolver locales) {
		return (request, response, denied) -> writeProblem(response, HttpStatus.FORBIDDEN,
				messages.getMessage("api.error.forbidden", null, locales.resolveLocale(request)));
	}

	private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
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
