package dev.platformmaturity.dashboard;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.account.UrlAccessRules;

/** The dashboard, its exports and its API are for platform leads (and administrators). */
@Component
class DashboardUrlRules implements UrlAccessRules {

	@Override
	public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/api/v1/dashboard/**").hasRole("LEAD");
	}

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/dashboard", "/dashboard/**").hasRole("LEAD");
	}

}
