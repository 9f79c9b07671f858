package dev.platformmaturity.system;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may request which URLs, declared by the module that owns them: a module whose URLs
 * are public or need more than a signed-in person declares a bean of this type. The
 * security configuration applies every module's rules, then requires a signed-in person
 * for everything else. Declare only your own URLs: the first matching rule wins.
 */
public interface UrlAccessRules {

	/** Rules for {@code /api/**} and {@code /actuator/**}. */
	default void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
	}

	/** Rules for pages: every other URL. */
	default void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
	}

	/**
	 * Pages (path patterns) that accept state-changing requests without a CSRF token,
	 * because the request carries its own proof, such as a signed link that a mail
	 * program posts to (RFC 8058 one-click unsubscribe).
	 */
	default List<String> pagesWithoutCsrfToken() {
		return List.of();
	}

}
