package dev.platformmaturity.home;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.system.UrlAccessRules;

/** The home and about pages are open to everyone. */
@Component
class HomeUrlRules implements UrlAccessRules {

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/", "/about").permitAll();
	}

}
