package dev.platformmaturity.system;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The interface language comes from {@code ?lang=en|zh-CN} (remembered in a cookie), then
 * that cookie, then the browser's Accept-Language, then English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	static final String COOKIE = "lang";

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLanguageResolver();
	}

	/**
	 * Takes {@code ?lang=} before security runs, so that it also holds for a page that
	 * first sends the visitor to sign in. The API takes {@code ?lang=} for the language
	 * of the data it returns, not to change the interface.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> languageParameter(LocaleResolver locales) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, java.io.IOException {
				UiLanguage.ofTag(request.getParameter("lang"))
					.ifPresent(language -> locales.setLocale(request, response, language.locale()));
				chain.doFilter(request, response);
			}

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				return path.startsWith("/api/") || path.startsWith("/actuator/");
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(-200);
		return registration;
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

		/**
		 * The first language in the browser's preference order that the interface has.
		 */
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
