package dev.platformmaturity.system;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout and fragments need on every page: the language switcher's links,
 * the pager's links.
 */
@ControllerAdvice
class LayoutAttributes {

	private final PageLinks pageLinks;

	LayoutAttributes(PageLinks pageLinks) {
		this.pageLinks = pageLinks;
	}

	@ModelAttribute("pageLinks")
	PageLinks pageLinks() {
		return pageLinks;
	}

	@ModelAttribute("languageLinks")
	List<LanguageLink> languageLinks(HttpServletRequest request) {
		Object errorPageFor = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorPageFor != null ? errorPageFor.toString() : request.getRequestURI();
		String query = errorPageFor != null ? null : request.getQueryString();
		return UiLanguage.all()
			.stream()
			.map(language -> new LanguageLink(language.tag(), language.nativeName(),
					UriComponentsBuilder.fromPath(path)
						.query(query)
						.replaceQueryParam("lang", language.tag())
						.build()
						.toUriString()))
			.toList();
	}

	public record LanguageLink(String tag, String name, String href) {
	}

}
