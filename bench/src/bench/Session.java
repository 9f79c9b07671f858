package bench;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static bench.Format.enc;

/**
 * A signed-in browser without a browser: its own cookies (the session) on the application's shared HTTP/1.1 client,
 * redirects not followed. Signing in goes through the form, as a person does: {@code GET /login} for the
 * {@code _csrf} field, {@code POST /login}, 302, the new session cookie.
 */
final class Session {

	private static final Pattern CSRF_FIELD = Pattern.compile(
			"<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	final App app;

	final String username;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrfHeader = "X-CSRF-TOKEN";

	private String csrfToken;

	private Session(App app, String username) {
		this.app = app;
		this.username = username;
	}

	static Session signIn(App app, String username, String password) throws Exception {
		Session session = new Session(app, username);
		Response page = session.get("/login").expect(200, "text/html");
		Matcher m = CSRF_FIELD.matcher(page.text());
		if (!m.find()) {
			throw new IllegalStateException("No _csrf field on /login");
		}
		String token = m.group(1) != null ? m.group(1) : m.group(2);
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		Response response = session.send(HttpRequest.newBuilder(app.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(Duration.ofSeconds(60)));
		String location = response.header("Location");
		if (response.status() != 302 || location == null || location.contains("/login")) {
			throw new IllegalStateException("Signing in as " + username + " failed: " + response.status() + " "
					+ location);
		}
		if (!session.cookieHeader().contains("SESSION=")) {
			throw new IllegalStateException("No session cookie after signing in as " + username);
		}
		return session;
	}

	synchronized String cookieHeader() {
		return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
	}

	/** The CSRF header name and token for API writes, from {@code GET /api/v1/csrf}. */
	String csrf() throws Exception {
		String json = get("/api/v1/csrf").expect(200, "application/json").text();
		Matcher header = Pattern.compile("\"headerName\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!header.find() || !token.find()) {
			throw new IllegalStateException("Unexpected /api/v1/csrf: " + json);
		}
		csrfHeader = header.group(1);
		csrfToken = token.group(1);
		return csrfToken;
	}

	String csrfHeader() {
		return csrfHeader;
	}

	Response get(String path) throws Exception {
		return get(path, Duration.ofMinutes(5));
	}

	Response get(String path, Duration timeout) throws Exception {
		return send(HttpRequest.newBuilder(app.uri(path)).GET().timeout(timeout));
	}

	/** A JSON write with the CSRF token ({@link #csrf} is asked once when not yet known). */
	Response put(String path, String json) throws Exception {
		if (csrfToken == null) {
			csrf();
		}
		return send(HttpRequest.newBuilder(app.uri(path))
			.header("Content-Type", "application/json")
			.header(csrfHeader, csrfToken)
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.timeout(Duration.ofMinutes(1)));
	}

	Response send(HttpRequest.Builder builder) throws Exception {
		String cookie = cookieHeader();
		if (!cookie.isEmpty()) {
			builder.header("Cookie", cookie);
		}
		HttpRequest request = builder.build();
		long started = System.nanoTime();
		HttpResponse<byte[]> response = app.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
		double millis = (System.nanoTime() - started) / 1e6;
		remember(response);
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body(), millis, request.uri(), response.headers());
	}

	/** A response written to a file; status 0 when the connection failed (an application that died, a timeout). */
	Response download(String path, Path file, Duration timeout) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(app.uri(path))
			.GET()
			.timeout(timeout)
			.header("Cookie", cookieHeader())
			.build();
		long started = System.nanoTime();
		HttpResponse<Path> response;
		try {
			response = app.client().send(request, HttpResponse.BodyHandlers.ofFile(file));
		}
		catch (IOException failed) {
			return new Response(0, null, new byte[0], (System.nanoTime() - started) / 1e6, request.uri(), null);
		}
		double millis = (System.nanoTime() - started) / 1e6;
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				new byte[0], millis, request.uri(), response.headers());
	}

	private synchronized void remember(HttpResponse<?> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			for (HttpCookie cookie : HttpCookie.parse(header)) {
				if (cookie.getMaxAge() == 0) {
					cookies.remove(cookie.getName());
				}
				else {
					cookies.put(cookie.getName(), cookie.getValue());
				}
			}
		}
	}

}
