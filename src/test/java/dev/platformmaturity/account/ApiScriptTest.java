package dev.platformmaturity.account;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.support.ServerTest;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts write through the API with a token or HTTP Basic, over real HTTP, without any
 * CSRF handling.
 */
@ServerTest
class ApiScriptTest {

	private static final List<String> QUESTIONS = Stream
		.of("investment", "adoption", "interfaces", "operations", "measurement")
		.flatMap(aspect -> Stream.of(1, 2, 3, 4).map(n -> aspect + "_" + n))
		.toList();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScriptWritesTwentyAnswersInARowWithOneToken() {
		TestData.Team team = data.team("Scripted");
		TestData.Person member = data.member(team);
		String quarter = data.openQuarter().label();
		WebClient browser = new WebClient(url());
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.get("/account");
		String page = browser
			.post("/account/tokens", Map.of("name", "answer script", "expiresOn",
					LocalDate.now().plusMonths(1).toString(), "scope", "READ_WRITE"))
			.body();
		String token = page.replaceAll("(?s).*id=\"created-token\"[^>]*>([^<]+)<.*", "$1");

		WebClient script = new WebClient(url());
		for (String question : QUESTIONS) {
			HttpResponse<String> saved = script.put(answer(team, quarter, question), body(question, 3), "Authorization",
					"Bearer " + token);
			assertThat(saved.statusCode()).as(question + ": " + saved.body()).isEqualTo(200);
			assertThat(saved.headers().firstValue("Set-Cookie")).isEmpty();
		}
		HttpResponse<String> target = script.put(
				"/api/v1/teams/" + team.slug() + "/assessments/" + quarter + "/targets/investment",
				"{\"level\":4,\"version\":0}", "Authorization", "Bearer " + token);
		assertThat(target.statusCode()).isEqualTo(200);

		assertThat(answeredAtLevel(team, 3)).isEqualTo(20);
		assertThat(script.cookie("SESSION")).isEmpty();
	}

	@Test
	void theSameScriptWorksWithHttpBasic() {
		TestData.Team team = data.team("Basic scripted");
		TestData.Person member = data.member(team);
		String quarter = data.openQuarter().label();
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((member.username() + ":" + TestData.PASSWORD).getBytes());

		WebClient script = new WebClient(url());
		for (String question : QUESTIONS) {
			HttpResponse<String> saved = script.put(answer(team, quarter, question), body(question, 2), "Authorization",
					basic);
			assertThat(saved.statusCode()).as(question + ": " + saved.body()).isEqualTo(200);
		}

		assertThat(answeredAtLevel(team, 2)).isEqualTo(20);
		assertThat(script.cookie("SESSION")).isEmpty();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(member.username())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPageSentWithAnExpiredSecurityTokenSaysSoInTheUsersLanguage() {
		TestData.Person member = data.person(Role.MEMBER);
		WebClient browser = new WebClient(url());
		browser.signIn(member.username(), TestData.PASSWORD);

		HttpResponse<String> refused = browser.post("/account/profile",
				Map.of("displayName", "Changed", "language", "en", "_csrf", "stale-token"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("security token has expired; reload the page").doesNotContain("Exception");
	}

	private String url() {
		return "http://localhost:" + port;
	}

	private static String answer(TestData.Team team, String quarter, String question) {
		return "/api/v1/teams/" + team.slug() + "/assessments/" + quarter + "/answers/" + question;
	}

	private static String body(String question, int level) {
		return "{\"option\":\"" + question + ":" + level + "\",\"notApplicable\":false,\"comment\":\"from a script\","
				+ "\"version\":0}";
	}

	private long answeredAtLevel(TestData.Team team, int level) {
		return jdbc.sql("""
				select count(*) from answer a join assessment s on s.id = a.assessment_id
				where s.team_id = ? and a.level = ? and a.comment = 'from a script'""")
			.params(team.id(), level)
			.query(Long.class)
			.single();
	}

}
