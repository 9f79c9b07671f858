package dev.platformmaturity.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.PlatformMaturityApplication;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's data in the exchange format: exported, valid against the published schema,
 * imported on a fresh installation (its own database) and exported there again to the
 * same data; files that cannot be imported are refused with every problem and change
 * nothing.
 */
@IntegrationTest
class ExchangeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments assessments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExportImportedOnAFreshInstallationExportsTheSameData() throws Exception {
		TestData.Team team = data.team("Moving");
		TestData.Person member = data.member(team);
		TestData.Person colleague = data.member(team);
		TestData.Quarter older = data.closedQuarter();
		TestData.Quarter newer = data.closedQuarter();
		assessments.submitted(team, older, member)
			.levels(Map.of("investment_1", 2, "adoption_3", 1, "measurement_4", 3))
			.notApplicable(Set.of("operations_2"))
			.comments(Map.of("investment_1", "资金按项目 / funded per project"))
			.targets(Map.of("investment", 3))
			.load();
		assessments.submitted(team, newer, colleague)
			.levels(Map.of("investment_1", 3, "adoption_3", 2, "interfaces_1", 4))
			.targets(Map.of("investment", 4, "adoption", 3))
			.load();
		String api = "/api/v1/teams/" + team.slug() + "/actions";
		String created = mvc
			.perform(post(api).with(as(member))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title": "Fund the platform as a product", "aspect": "investment",
						 "characteristic": "investment.3.c1", "owner": "%s", "dueOn": "2030-01-31",
						 "status": "DONE", "trackerUrl": "https://tracker.example.org/PLAT-7", "plannedLevel": 3}"""
					.formatted(colleague.username())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long actionId = JSON.readTree(created).path("id").asLong();
		mvc.perform(post(api).with(as(member))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Self-service database\", \"aspect\": \"interfaces\", \"notes\": \"Q3\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/teams/" + team.slug() + "/actions/" + actionId + "/comments").with(as(colleague))
			.with(csrf())
			.param("text", "Done with finance")).andExpect(status().is3xxRedirection());

		String exported = mvc.perform(get("/api/v1/teams/" + team.slug() + "/exchange").with(as(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode original = JSON.readTree(exported);
		assertThat(original.path("assessments")).hasSize(2);
		assertThat(original.path("actions")).hasSize(2);

		String database = "fresh_" + TestData.unique("installation").replace('-', '_');
		jdbc.sql("create database " + database).update();
		try (ConfigurableApplicationContext fresh = start(database)) {
			TestData freshData = new TestData(fresh.getBean(JdbcClient.class), fresh.getBean(PasswordEncoder.class),
					fresh.getBean(UserDetailsService.class));
			long group = freshData.group("Moved");
			fresh.getBean(JdbcClient.class)
				.sql("insert into team (slug, name, group_id) values (?, ?, ?)")
				.params(team.slug(), team.name(), group)
				.update();
			for (TestData.Person person : List.of(member, colleague)) {
				copyPerson(fresh.getBean(JdbcClient.class), person, team.slug());
			}
			TestData.Person admin = freshData.person(Role.ADMIN);
			String url = "http://localhost:" + fresh.getEnvironment().getProperty("local.server.port");

			HttpResponse<String> imported = send(
					HttpRequest.newBuilder(URI.create(url + "/api/v1/teams/" + team.slug() + "/exchange"))
						.header(HttpHeaders.AUTHORIZATION, basic(admin))
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.POST(HttpRequest.BodyPublishers.ofString(exported, StandardCharsets.UTF_8)));
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
			assertThat(JSON.readTree(imported.body()).path("assessments").asInt()).isEqualTo(2);

			HttpResponse<String> again = send(
					HttpRequest.newBuilder(URI.create(url + "/api/v1/teams/" + team.slug() + "/exchange"))
						.header(HttpHeaders.AUTHORIZATION, basic(admin))
						.GET());
			assertThat(withoutExportTime(JSON.readTree(again.body()))).isEqualTo(withoutExportTime(original));
			for (String quarter : List.of(older.label(), newer.label())) {
				String path = "/api/v1/teams/" + team.slug() + "/assessments/" + quarter;
				JsonNode here = JSON.readTree(mvc.perform(get(path).with(as(member)))
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8));
				JsonNode there = JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + path))
					.header(HttpHeaders.AUTHORIZATION, basic(admin))
					.GET()).body());
				assertThat(there.path("scores")).as(quarter).isEqualTo(here.path("scores"));
				assertThat(there.path("reviewed")).isEqualTo(here.path("reviewed"));
				assertThat(there.path("answers")).isEqualTo(here.path("answers"));
			}

			HttpResponse<String> twice = send(
					HttpRequest.newBuilder(URI.create(url + "/api/v1/teams/" + team.slug() + "/exchange"))
						.header(HttpHeaders.AUTHORIZATION, basic(admin))
						.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.POST(HttpRequest.BodyPublishers.ofString(exported, StandardCharsets.UTF_8)));
			assertThat(twice.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(twice.body()).path("problems")).hasSize(2);
			assertThat(twice.body()).contains("already has an assessment of the quarter " + older.label());
		}
		finally {
			jdbc.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	@Test
	void theExportFollowsThePublishedSchema() throws Exception {
		TestData.Team team = data.team("Schema");
		TestData.Person member = data.member(team);
		assessments.submitted(team, data.closedQuarter(), member).levels(Map.of("investment_1", 2)).load();
		String exported = mvc.perform(get("/teams/" + team.slug() + "/exchange.json").with(as(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(TeamExchangesSchema.problems(exported)).isEmpty();
		assertThat(TeamExchangesSchema.problems(exported.replace("\"cncf-pemm-v1\"", "7"))).isNotEmpty();
	}

	private static JsonNode withoutExportTime(JsonNode document) {
		ObjectNode copy = (ObjectNode) document.deepCopy();
		copy.remove("exportedAt");
		return copy;
	}

	private static void copyPerson(JdbcClient fresh, TestData.Person person, String team) {
		fresh.sql("""
				insert into person (username, display_name, email, preferred_language, password_hash, role)
				values (?, ?, ?, 'en', 'x', 'MEMBER')""")
			.params(person.username(), "Test " + person.username(), person.username() + "@example.org")
			.update();
		fresh.sql("""
				insert into membership (person_id, team_id)
				select p.id, t.id from person p, team t where p.username = ? and t.slug = ?""")
			.params(person.username(), team)
			.update();
	}

	private static ConfigurableApplicationContext start(String database) {
		JdbcConnectionDetails shared = TestDatabase.shared();
		String url = shared.getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
		return new SpringApplicationBuilder(PlatformMaturityApplication.class)
			.properties(Map.of("server.port", "0", "spring.datasource.url", url, "spring.datasource.username",
					shared.getUsername(), "spring.datasource.password", shared.getPassword(), "app.demo.enabled",
					"false", "spring.main.banner-mode", "off", "app.admin.password", "a first administrator password"))
			.run();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic(TestData.Person person) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((person.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(data.principal(person));
	}

}
