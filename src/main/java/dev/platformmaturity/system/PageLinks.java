package dev.platformmaturity.system;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to the current page with one parameter changed, for pagers and sort headers in
 * templates: {@code pageLinks}.
 */
@Component
public class PageLinks {

	public String with(String parameter, Object value) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam(parameter, value)
			.replaceQueryParam("lang")
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

	public String page(int number) {
		return with("page", number);
	}

	/**
	 * The current page sorted by {@code column} in {@code direction}, from its first
	 * page.
	 */
	public String sorted(String column, String direction) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("sort", column)
			.replaceQueryParam("dir", direction)
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

}
