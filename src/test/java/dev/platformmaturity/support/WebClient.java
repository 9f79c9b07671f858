package dev.platformmaturity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests against a running application: keeps its cookies,
 * does not follow redirects, and reads the CSRF token from the last page, as a person's
 * browser would.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrf;

	public WebClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public String baseUrl() {
		return baseUrl;
	}

	public HttpResponse<String> get(String path, String... headers) {
		HttpResponse<String> response = send(request(path, headers).GET().build());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1) != null ? token.group(1) : token.group(2);
		}
		return response;
	}

	/**
	 * Posts a form with the CSRF token of the last page, unless the form brings its own.
	 */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.putIfAbsent("_csrf", csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> put(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * Signs in with a local password through the sign-in form; returns the answer to the
	 * form.
	 */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/**
	 * Sends this client's session cookie to another instance, as a load balancer would.
	 */
	public WebClient withSessionOf(WebClient other) {
		other.cookie("SESSION").ifPresent(value -> {
			HttpCookie cookie = new HttpCookie("SESSION", value);
			cookie.setPath("/");
			cookie.setVersion(0);
			cookies.getCookieStore().add(URI.create(baseUrl), cookie);
		});
		return this;
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
