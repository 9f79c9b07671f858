package dev.platformmaturity.system;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets and scripts under URLs that carry a hash of their content
 * ({@code /css/app-<md5>.css}), cacheable for a year: a changed file gets a new URL.
 * Pages link them with {@code @{/css/app.css}}, which {@link HashedLinks} rewrites to the
 * hashed URL. The plain URL still serves the file, but must be revalidated, so that
 * nobody keeps an old copy. Pages keep Spring Security's {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(FOR_A_YEAR)
				.resourceChain(true)
				.addResolver(new RevalidatedUnlessVersioned())
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/**
	 * Declared as Spring's filter, so that Spring Boot does not register that one too.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> hashedLinks(ObjectProvider<ResourceUrlProvider> urls) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new HashedLinks(urls));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Writes the hashed URL of a stylesheet or script into pages, as Spring's
	 * {@link ResourceUrlEncodingFilter} does, but leaves every other link alone without
	 * looking it up: the application's default handler of static files covers
	 * {@code /**}, so Spring's filter would look for every link of a page among the
	 * static files (in the jar, a dozen lookups for every link of a 200-team dashboard).
	 * Being one, it also keeps Spring Boot from registering Spring's filter, which it
	 * does whenever a WebJars locator is on the classpath (the API documentation's).
	 */
	static class HashedLinks extends ResourceUrlEncodingFilter {

		private static final List<String> FOLDERS = List.of("/css/", "/js/");

		private final ObjectProvider<ResourceUrlProvider> urls;

		HashedLinks(ObjectProvider<ResourceUrlProvider> urls) {
			this.urls = urls;
		}

		@Override
		public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
				throws ServletException, IOException {
			if (!(servletRequest instanceof HttpServletRequest request)
					|| !(servletResponse instanceof HttpServletResponse response)) {
				chain.doFilter(servletRequest, servletResponse);
				return;
			}
			String contextPath = request.getContextPath();
			chain.doFilter(request, new HttpServletResponseWrapper(response) {
				@Override
				public String encodeURL(String url) {
					return super.encodeURL(hashed(contextPath, url));
				}
			});
		}

		private String hashed(String contextPath, String url) {
			if (!url.startsWith(contextPath) || url.contains("?") || url.contains("#")) {
				return url;
			}
			String path = url.substring(contextPath.length());
			if (FOLDERS.stream().noneMatch(path::startsWith)) {
				return url;
			}
			String resolved = urls.getObject().getForLookupPath(path);
			return resolved == null ? url : contextPath + resolved;
		}

	}

	/**
	 * A file asked for without its hash gets {@code Cache-Control: no-cache} instead of
	 * the year (the version resolver answers a hashed URL with a resource that carries
	 * its own headers, an {@link HttpResource}).
	 */
	static class RevalidatedUnlessVersioned extends AbstractResourceResolver {

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			Resource resource = chain.resolveResource(request, requestPath, locations);
			return resource == null || resource instanceof HttpResource ? resource : new Revalidated(resource);
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return chain.resolveUrlPath(resourceUrlPath, locations);
		}

	}

	private static final class Revalidated extends AbstractResource implements HttpResource {

		private final Resource file;

		Revalidated(Resource file) {
			this.file = file;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setCacheControl(CacheControl.noCache());
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return file.getInputStream();
		}

		@Override
		public boolean exists() {
			return file.exists();
		}

		@Override
		public long contentLength() throws IOException {
			return file.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return file.lastModified();
		}

		@Override
		public String getFilename() {
			return file.getFilename();
		}

		/**
		 * Not the file's own description: resources are equal when their descriptions
		 * are, and the resource chain's cache of transformed resources would then serve
		 * this one for the hashed URL too (or the other way round).
		 */
		@Override
		public String getDescription() {
			return "revalidated " + file.getDescription();
		}

	}

}
