package dev.platformmaturity.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.platformmaturity.support.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy on this host (a trusted, loopback address), over raw
 * HTTP so that every header is exactly what a proxy or an attacker would send.
 */
@ServerTest
class ReverseProxyTest {

	@LocalServerPort
	int port;

	@Test
	void anHttpsRequestGetsSecureCookiesAndHsts() throws IOException {
		String response = send("GET /login HTTP/1.1\r\nHost: maturity.example.org\r\nX-Forwarded-Proto: https\r\n"
				+ "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(header(response, "Set-Cookie")).contains("SESSION=")
			.contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		assertThat(header(response, "Strict-Transport-Security")).contains("max-age=");
	}

	@Test
	void aPlainHttpRequestGetsNeitherSecureCookiesNorHsts() throws IOException {
		String response = send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(header(response, "Set-Cookie")).contains("SESSION=").doesNotContain("Secure");
		assertThat(response).doesNotContain("Strict-Transport-Security");
	}

	@Test
	void redirectsAreRelativeSoAForgedHostNeverComesBack() throws IOException {
		for (String forged : new String[] { "Host: evil.example\r\n",
				"Host: localhost\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n" }) {
			String toSignIn = send("GET /teams HTTP/1.1\r\n" + forged + "Connection: close\r\n\r\n");
			String signedOut = send("GET /account HTTP/1.1\r\n" + forged + "Connection: close\r\n\r\n");

			assertThat(toSignIn).startsWith("HTTP/1.1 302");
			assertThat(header(toSignIn, "Location")).isEqualTo("/login");
			assertThat(header(signedOut, "Location")).isEqualTo("/login");
			assertThat(toSignIn + signedOut).doesNotContain("evil.example");
		}
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String header(String response, String name) {
		String head = response.substring(0, response.indexOf("\r\n\r\n"));
		return head.lines()
			.filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map(line -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElse("");
	}

}
