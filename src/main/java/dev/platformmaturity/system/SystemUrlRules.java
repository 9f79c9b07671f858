package dev.platformmaturity.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Public: error pages, static files, health probes and the API description. The
 * administration area and the other actuator endpoints are for administrators.
 */
@Component
class SystemUrlRules implements UrlAccessRules {

	@Override
	public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
		rules.requestMatchers("/actuator/**").hasRole("ADMIN");
	}

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/error", "/css/**", "/js/**", "/favicon.svg").permitAll();
		rules.requestMatchers(ApiDocumentation.PATHS).permitAll();
		rules.requestMatchers("/admin", "/admin/**").hasRole("ADMIN");
	}

}
