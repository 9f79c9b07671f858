package dev.platformmaturity.model;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.account.UrlAccessRules;

/** The model is public: its page and its JSON. */
@Component
class ModelUrlRules implements UrlAccessRules {

	@Override
	public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/model").permitAll();
	}

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/model").permitAll();
	}

}
