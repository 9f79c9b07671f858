package dev.platformmaturity.account;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in person who switches the interface language with {@code ?lang=} keeps it as
 * their preferred language: the language of their next sign-in, and of reports. (At
 * sign-in the preferred language wins over the page's.)
 */
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
				chosen(request.getParameter("lang")).ifPresent(
						language -> signedIn().ifPresent(user -> accounts.changeLanguage(user.personId(), language)));
				return true;
			}
		}).excludePathPatterns("/api/**", "/actuator/**");
	}

	/**
	 * The account language that {@code ?lang=} names, read as the interface reads it:
	 * {@code zh}, {@code zh_CN} and {@code zh-cn} all name {@code zh-CN}. (The signed-in
	 * principal's language is the one at sign-in, so it is not compared with: after a
	 * switch to Chinese, switching back to English must be saved too.)
	 */
	static Optional<String> chosen(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(parameter.strip().replace('_', '-')).getLanguage();
		return PersonRules.LANGUAGES.stream()
			.filter(tag -> Locale.forLanguageTag(tag).getLanguage().equals(language))
			.findFirst();
	}

	private static Optional<AccountUser> signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountUser user ? Optional.of(user)
				: Optional.empty();
	}

}
