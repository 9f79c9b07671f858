package bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a copy of the CNCF assessment prototype on a loopback port the way its own nginx.conf does: files with their
 * type, Last-Modified and 304 on If-Modified-Since, gzip for text of 1 KB or more, no Cache-Control. Its page loads
 * js-yaml from a CDN; that one script tag points to the same file from the npm package instead.
 */
final class PrototypeServer implements AutoCloseable {

	private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
			"js", "application/javascript", "yaml", "application/x-yaml", "yml", "application/x-yaml", "json",
			"application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

	static final String VENDOR_PATH = "/vendor/js-yaml.min.js";

	private final Path root;

	private final String cdnUrl;

	private final Path jsYaml;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	PrototypeServer(Path root, String cdnUrl, Path jsYaml) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.cdnUrl = cdnUrl;
		this.jsYaml = jsYaml;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
			Path file = path.equals(VENDOR_PATH) ? jsYaml
					: root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
			if (!exchange.getRequestMethod().equals("GET") || !file.startsWith(root) && !file.equals(jsYaml)
					|| !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
			exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME
				.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
			String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
			if (since != null && !modified.isAfter(parse(since))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			byte[] body = Files.readAllBytes(file);
			if (file.getFileName().toString().equals("index.html") && cdnUrl != null) {
				String page = new String(body, StandardCharsets.UTF_8);
				body = page.replace(cdnUrl, VENDOR_PATH).getBytes(StandardCharsets.UTF_8);
			}
			String name = file.getFileName().toString();
			String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
			exchange.getResponseHeaders().set("Content-Type", type);
			String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
			if (body.length >= 1024 && !type.startsWith("image/png") && accept != null && accept.contains("gzip")) {
				ByteArrayOutputStream zipped = new ByteArrayOutputStream();
				try (OutputStream gzip = new GZIPOutputStream(zipped)) {
					gzip.write(body);
				}
				body = zipped.toByteArray();
				exchange.getResponseHeaders().set("Content-Encoding", "gzip");
				exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
			}
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	private static Instant parse(String httpDate) {
		try {
			return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException unreadable) {
			return Instant.EPOCH;
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "the prototype's file server";
	}

}
