package dev.platformmaturity.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A signed-in person who switches the interface language keeps it as their preferred language (reports use it). */
@Configuration(proxyBeanMethods = false)
class PreferredLanguage implements WebMvcConfigurer {

	private final Accounts accounts;

	PreferredLanguage(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String language = request.getParameter("lang");
				if (language != null && PersonRules.LANGUAGES.contains(language)) {
					signedIn().filter(user -> !language.equals(user.language()))
						.ifPresent(user -> accounts.changeLanguage(user.personId(), language));
				}
				return true;
			}
		}).excludePathPatterns("/api/**", "/actuator/**");
	}

	private static Optional<AccountUser> signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountUser user ? Optional.of(user)
				: Optional.empty();
	}

}
