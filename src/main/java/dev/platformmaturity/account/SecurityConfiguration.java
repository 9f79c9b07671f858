package dev.platformmaturity.account;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.LocaleResolver;

import dev.platformmaturity.account.IdentityProviders.ProviderUnreachableException;
import dev.platformmaturity.account.ThrottledAuthenticationProvider.SignInLockedException;
import dev.platformmaturity.system.UrlAccessRules;

/**
 * Two filter chains. {@code /api/**} and {@code /actuator/**}: a personal access token,
 * HTTP Basic or the browser's session; a request that brings its own credentials needs no
 * CSRF token and never gets a session; 401/403 as problem JSON. Everything else: sign-in
 * with a local password or an OpenID Connect provider, sessions in the database, CSRF
 * protection on every state-changing request. URL rules come from each module's
 * {@link UrlAccessRules}; roles include the lower ones: ADMIN > LEAD > MEMBER. Redirects
 * are relative, so a forged Host never comes back.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String SIGN_IN_USERNAME = SecurityConfiguration.class.getName() + ".username";

	/**
	 * A problem of the last sign-in through a provider, shown once on the sign-in page.
	 */
	static final String SIGN_IN_PROBLEM = SecurityConfiguration.class.getName() + ".problem";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'%s; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The one inline style element Swagger UI (the browsable API description) adds,
	 * allowed by its hash only.
	 */
	private static final String SWAGGER_UI_STYLE = " 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role("ADMIN")
			.implies("LEAD")
			.role("LEAD")
			.implies("MEMBER")
			.build();
	}

	/**
	 * Password sign-in: the sign-in form, HTTP Basic, and start-up tasks that check a
	 * password.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, SignInProperties properties) {
		return new ProviderManager(passwordSignIn(users, passwordEncoder, throttle, properties));
	}

	private static ThrottledAuthenticationProvider passwordSignIn(AccountUserDetailsService users,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, SignInProperties properties) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setHideUserNotFoundExceptions(true);
		passwords.setPreAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Disabled");
			}
			if (user.getPassword() == null) {
				throw new BadCredentialsException("Signs in through a provider only");
			}
		});
		return new ThrottledAuthenticationProvider(passwords, throttle, properties);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, AccessTokens tokens,
			ObjectProvider<UrlAccessRules> rules, MessageSource messages, LocaleResolver locales) {
		ApiRefusals refusals = new ApiRefusals(messages, locales);
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> {
				rules.orderedStream().forEach(module -> module.api(requests));
				requests.anyRequest().authenticated();
			})
			.addFilterBefore(new AuthorizationHeaderFilter(tokens, refusals.unauthorized(), refusals.forbidden()),
					BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(refusals.unauthorized())
				.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
					request -> !AuthorizationHeaderFilter.authenticatesItself(request))))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(refusals.unauthorized())
				.accessDeniedHandler(refusals.forbidden()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY.formatted("")))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, SignInProperties properties, ObjectProvider<UrlAccessRules> rules,
			LocaleResolver locales, IdentityProviders providers, ProviderAccounts providerAccounts) {
		RequestCache requestCache = new HttpSessionRequestCache();
		SimpleUrlAuthenticationSuccessHandler signedIn = signedIn(locales, requestCache);
		LoginUrlAuthenticationEntryPoint signInFirst = new LoginUrlAuthenticationEntryPoint("/login");
		signInFirst.setFavorRelativeUris(true);
		OidcAuthorizationCodeAuthenticationProvider providerSignIn = new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), providerAccounts);
		http.authenticationManager(
				new ProviderManager(passwordSignIn(users, passwordEncoder, throttle, properties), providerSignIn))
			.authorizeHttpRequests(requests -> {
				rules.orderedStream().forEach(module -> module.pages(requests));
				requests.anyRequest().authenticated();
			})
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signedIn)
				.failureHandler(SecurityConfiguration::signInFailed)
				.permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers(rules.orderedStream()
				.flatMap(module -> module.pagesWithoutCsrfToken().stream())
				.toArray(String[]::new)))
			.logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
			.requestCache(cache -> cache.requestCache(requestCache))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst).accessDeniedHandler(pageDenied()))
			.headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		if (providers.any()) {
			http.oauth2Login(oauth -> oauth.loginPage("/login")
				.clientRegistrationRepository(providers)
				.authorizedClientRepository(new NoAuthorizedClients())
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(providerAccounts))
				.successHandler(signedIn)
				.failureHandler(
						(request, response, failure) -> providerSignInFailed(request, response, failure, providers))
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler((request, response,
								failure) -> providerSignInFailed(request, response, failure, providers));
						return filter;
					}
				}));
		}
		return http.build();
	}

	/**
	 * The pages' policy: no inline script or style, but Swagger UI's one style element on
	 * its own pages.
	 */
	private static HeaderWriter contentSecurityPolicy() {
		RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		ContentSecurityPolicyHeaderWriter pages = new ContentSecurityPolicyHeaderWriter(
				CONTENT_SECURITY_POLICY.formatted(""));
		ContentSecurityPolicyHeaderWriter apiDescription = new ContentSecurityPolicyHeaderWriter(
				CONTENT_SECURITY_POLICY.formatted(SWAGGER_UI_STYLE));
		return (request, response) -> (swaggerUi.matches(request) ? apiDescription : pages).writeHeaders(request,
				response);
	}

	/**
	 * After sign-in: the person's language, the browser remembered, then where they were
	 * going (relative).
	 */
	private static SimpleUrlAuthenticationSuccessHandler signedIn(LocaleResolver locales, RequestCache requests) {
		return new SimpleUrlAuthenticationSuccessHandler("/") {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				if (authentication.getPrincipal() instanceof AccountUser user) {
					locales.setLocale(request, response, Locale.forLanguageTag(user.language()));
				}
				PersonSessions.rememberBrowser(request);
				super.onAuthenticationSuccess(request, response, authentication);
			}

			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
				SavedRequest saved = requests.getRequest(request, response);
				requests.removeRequest(request, response);
				if (saved == null || !"GET".equals(saved.getMethod())) {
					return "/";
				}
				URI target = URI.create(saved.getRedirectUrl());
				return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
			}
		};
	}

	/**
	 * Back to the sign-in page with the reason, keeping the typed username (never the
	 * password).
	 */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		request.getSession().setAttribute(SIGN_IN_USERNAME, request.getParameter("username"));
		String reason = failure instanceof SignInLockedException locked ? "locked=" + locked.minutesRemaining()
				: "error";
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

	/**
	 * Back to the sign-in page with the provider's problem explained, never a stack
	 * trace.
	 */
	private static void providerSignInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure, IdentityProviders providers) throws IOException {
		SignInProblem problem;
		if (failure instanceof LocalizedRefusal refusal) {
			problem = new SignInProblem(refusal.messageKey(), refusal.arguments());
		}
		else if (causedBy(failure, ProviderUnreachableException.class) instanceof ProviderUnreachableException down) {
			log.warn("Sign-in through {} failed: {}", down.provider(), down.getMessage());
			problem = new SignInProblem("signIn.provider.unreachable", providers.displayName(down.provider()));
		}
		else if (causedBy(failure, ResourceAccessException.class) != null) {
			String provider = request.getRequestURI().replaceAll(".*/", "");
			log.warn("Sign-in through {} failed: {}", provider, failure.getMessage());
			problem = new SignInProblem("signIn.provider.unreachable", providers.displayName(provider));
		}
		else if (failure instanceof OAuth2AuthenticationException oauth
				&& "access_denied".equals(oauth.getError().getErrorCode())) {
			problem = new SignInProblem("signIn.provider.cancelled");
		}
		else {
			log.warn("Sign-in through a provider failed: {}", failure.getMessage());
			problem = new SignInProblem("signIn.provider.failed");
		}
		request.getSession().setAttribute(SIGN_IN_PROBLEM, problem);
		response.sendRedirect(request.getContextPath() + "/login?providerFailed");
	}

	private static Throwable causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return cause;
			}
		}
		return null;
	}

	/**
	 * A page sent without a valid CSRF token: a person whose session ended signs in
	 * again; a signed-in person learns that the page's security token expired. Other
	 * refusals are the usual 403 page.
	 */
	private static AccessDeniedHandler pageDenied() {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException && !ApiRefusals.signedIn()) {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			else if (denied instanceof CsrfException) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				request.getRequestDispatcher(SignInController.PAGE_EXPIRED).forward(request, response);
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		};
	}

	/**
	 * The application keeps no provider tokens: it uses a provider to sign people in,
	 * nothing more.
	 */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
