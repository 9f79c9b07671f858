package dev.platformmaturity.notification;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.system.UrlAccessRules;

/**
 * Unsubscribe links work without signing in: the link's signature is the proof, also for
 * the one-click POST that mail programs send without a CSRF token (RFC 8058).
 * Notification settings, webhooks and the log are for administrators; the e-mail choices
 * of <em>Your account</em> for every signed-in person.
 */
@Component
class NotificationUrlRules implements UrlAccessRules {

	static final String UNSUBSCRIBE = "/unsubscribe";

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(UNSUBSCRIBE).permitAll();
		rules.requestMatchers("/admin/notifications", "/admin/notifications/**").hasRole("ADMIN");
	}

	@Override
	public List<String> pagesWithoutCsrfToken() {
		return List.of(UNSUBSCRIBE);
	}

}
