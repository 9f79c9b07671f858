package dev.platformmaturity.exchange;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.system.UrlAccessRules;

/**
 * The exchange format's schema is public; importing a team's data is for administrators.
 */
@Component
class ExchangeUrlRules implements UrlAccessRules {

	@Override
	public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/teams/*/exchange").hasRole("ADMIN");
	}

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(ExchangeSchemaController.PATH).permitAll();
		rules.requestMatchers(HttpMethod.POST, "/teams/*/exchange").hasRole("ADMIN");
	}

}
