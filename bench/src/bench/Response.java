package bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One HTTP response and how long it took, from sending the request to the last byte. */
record Response(int status, String contentType, byte[] body, double millis, URI uri, HttpHeaders headers) {

	Response expect(int expected, String type) {
		if (status != expected) {
			throw new IllegalStateException(uri.getPath() + " answered " + status + " instead of " + expected
					+ (body.length > 0 ? ": " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
							: ""));
		}
		if (type != null && (contentType == null || !contentType.startsWith(type))) {
			throw new IllegalStateException(uri.getPath() + " answered " + contentType + " instead of " + type);
		}
		return this;
	}

	Response expectBody(String text) {
		if (!text().contains(text)) {
			throw new IllegalStateException(uri.getPath() + " does not contain " + text);
		}
		return this;
	}

	Response expectPdf() {
		if (body.length < 5 || !new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			throw new IllegalStateException(uri.getPath() + " is not a PDF");
		}
		return this;
	}

	String text() {
		return new String(body, StandardCharsets.UTF_8);
	}

	String header(String name) {
		return headers == null ? null : headers.firstValue(name).orElse(null);
	}

	static boolean isPdf(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
		}
	}

}
