package dev.platformmaturity.system;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface language comes from {@code ?lang=en|zh-CN} (remembered in a cookie), then that cookie, then the
 * browser's Accept-Language, then English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final String COOKIE = "lang";

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLanguageResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageParameter = new LocaleChangeInterceptor();
		languageParameter.setParamName("lang");
		languageParameter.setIgnoreInvalidLocale(true);
		// The API takes ?lang= for the language of the data it returns, not to change the interface language.
		registry.addInterceptor(languageParameter).excludePathPatterns("/api/**", "/actuator/**");
	}

	static class SupportedLanguageResolver implements LocaleResolver {

		private final CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);

		SupportedLanguageResolver() {
			cookie.setCookieMaxAge(Duration.ofDays(365));
			cookie.setCookieSameSite("Lax");
			cookie.setDefaultLocaleFunction(SupportedLanguageResolver::fromBrowser);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return UiLanguage.of(cookie.resolveLocale(request)).orElse(UiLanguage.ENGLISH).locale();
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			UiLanguage.of(locale).ifPresent(language -> cookie.setLocale(request, response, language.locale()));
		}

		/** The first language in the browser's preference order that the interface has. */
		private static Locale fromBrowser(HttpServletRequest request) {
			for (Locale preferred : Collections.list(request.getLocales())) {
				var language = UiLanguage.of(preferred);
				if (language.isPresent()) {
					return language.get().locale();
				}
			}
			return UiLanguage.ENGLISH.locale();
		}

	}

}
