package dev.platformmaturity.action;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.system.UrlAccessRules;

/** The actions of all teams as CSV are for platform leads (and administrators). */
@Component
class ActionUrlRules implements UrlAccessRules {

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/actions.csv").hasRole("LEAD");
	}

}
