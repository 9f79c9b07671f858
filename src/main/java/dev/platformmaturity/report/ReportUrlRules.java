package dev.platformmaturity.report;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.platformmaturity.system.UrlAccessRules;

/**
 * Organisation reports are for platform leads; team reports follow the team's access
 * rules.
 */
@Component
class ReportUrlRules implements UrlAccessRules {

	@Override
	public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/api/v1/reports/**").hasRole("LEAD");
	}

	@Override
	public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/reports/**").hasRole("LEAD");
	}

}
