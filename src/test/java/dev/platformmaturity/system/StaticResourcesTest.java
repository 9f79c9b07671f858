package dev.platformmaturity.system;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stylesheets and scripts are linked under URLs with a hash of their content and may be
 * kept for a year; the plain URL must be revalidated, and pages are never stored.
 */
@IntegrationTest
class StaticResourcesTest {

	private static final Pattern HASHED = Pattern.compile("/(css|js)/([a-z]+)-([0-9a-f]{32})\\.(css|js)");

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider urls;

	@Test
	void aPageLinksItsStylesheetUnderAHashedUrlThatIsCacheableForAYearAndThePageItselfIsNotStored() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/about")).andExpect(status().isOk()).andReturn().getResponse();
		Matcher link = HASHED.matcher(page.getContentAsString());
		assertThat(link.find()).as("a content-hashed stylesheet link in " + page.getContentAsString()).isTrue();
		assertThat(page.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(page.getHeader("Content-Security-Policy")).contains("style-src 'self'", "script-src 'self'");

		MockHttpServletResponse stylesheet = mvc.perform(get(link.group()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(stylesheet.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=31536000", "public", "immutable");
		assertThat(stylesheet.getContentAsByteArray()).isEqualTo(bytes("static/css/app.css"));
	}

	@Test
	void thePlainUrlStillServesTheFileButMustBeRevalidatedWhicheverIsAskedForFirst() throws Exception {
		String hashed = hashedLink("/js/assessment.js");
		String plainFirst = mvc.perform(get("/js/assessment.js"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.CACHE_CONTROL);
		String hashedAfter = mvc.perform(get(hashed)).andReturn().getResponse().getHeader(HttpHeaders.CACHE_CONTROL);
		MockHttpServletResponse plain = mvc.perform(get("/js/assessment.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(plainFirst).isEqualTo("no-cache");
		assertThat(hashedAfter).contains("max-age=31536000");
		assertThat(plain.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
		assertThat(plain.getContentAsByteArray()).isEqualTo(bytes("static/js/assessment.js"));
		assertThat(mvc.perform(get("/css/app.css")).andReturn().getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
			.isEqualTo("no-cache");
		assertThat(mvc.perform(get(hashedLink("/css/app.css")))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=31536000");
	}

	@Test
	void onlyStylesheetAndScriptLinksAreLookedUpAmongTheStaticFiles(ApplicationContext context) {
		List<Class<?>> linkRewriters = context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(FilterRegistrationBean::getFilter)
			.filter(ResourceUrlEncodingFilter.class::isInstance)
			.<Class<?>>map(Object::getClass)
			.toList();

		assertThat(linkRewriters).as("Spring's filter looks every link of a page up among the static files")
			.containsExactly(StaticResources.HashedLinks.class);
	}

	/** The hashed URL pages link for a file, as the application computes it. */
	private String hashedLink(String file) {
		String hashed = urls.getForLookupPath(file);
		assertThat(hashed).matches(HASHED.pattern());
		return hashed;
	}

	private static byte[] bytes(String resource) throws Exception {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
