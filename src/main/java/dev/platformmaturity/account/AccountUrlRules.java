package dev.platformmaturity.account;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Signing in is open to everyone; *Your account* needs only a signed-in person. */
@Component
class AccountUrlRules implements UrlAccessRules {

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/login", SignInController.PAGE_EXPIRED).permitAll();
		rules.requestMatchers("/admin/people", "/admin/people/**").hasRole("ADMIN");
	}

}
