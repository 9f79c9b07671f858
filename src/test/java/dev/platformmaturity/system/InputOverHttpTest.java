package dev.platformmaturity.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.ServerTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input rules through the real servlet container, which decodes parameters itself:
 * bytes that are not UTF-8 and NUL characters in an address, and a NUL in a sign-in, are
 * answered with the message in the reader's language.
 */
@ServerTest
class InputOverHttpTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void anApiAddressWithBytesThatAreNotUtf8IsAnsweredAsProblemDetails() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((member.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> answer = http.send(
				request("/api/v1/teams?search=%FF%FE", "zh-CN").header("Authorization", basic).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(answer.body()).path("detail").asString())
			.isEqualTo(messages.getMessage("input.parameters.undecodable", null, Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void aPageAddressWithBytesThatAreNotUtf8OrANulShowsTheErrorPageWithTheReason() throws Exception {
		HttpResponse<String> notUtf8 = http.send(request("/model?q=%C3%28", "en").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> nul = http.send(request("/model?q=a%00b", "zh-CN").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(notUtf8.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(notUtf8.body()).text())
			.contains(messages.getMessage("input.parameters.undecodable", null, Locale.ENGLISH))
			.contains(messages.getMessage("error.heading.400", null, Locale.ENGLISH));
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(nul.body()).text()).contains(
				messages.getMessage("input.text.nul", new Object[] { "q", 2, "U+0000" }, Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void aNulInTheUsernameFailsTheSignInLikeAWrongPasswordAndRecordsNothing() throws Exception {
		HttpResponse<String> signInPage = http.send(request("/login", "en").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String token = Jsoup.parse(signInPage.body()).select("input[name=_csrf]").attr("value");
		long throttled = jdbc.sql("select count(*) from sign_in_throttle").query(Long.class).single();

		HttpResponse<String> signIn = http
			.send(request("/login", "en").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + URLEncoder.encode("demo\u0000admin", StandardCharsets.UTF_8)
							+ "&password=whatever+it+is&_csrf=" + token))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(token).isNotEmpty();
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
		assertThat(jdbc.sql("select count(*) from sign_in_throttle").query(Long.class).single()).isEqualTo(throttled);
	}

	private HttpRequest.Builder request(String pathAndQuery, String language) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.header("Accept-Language", language);
	}

}
