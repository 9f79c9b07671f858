package dev.platformmaturity.action;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team's actions through the JSON API: who may do what, the fields' rules, conflicts
 * and the history.
 */
@IntegrationTest
class ActionApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	OverdueActions overdue;

	TestData.Team team;

	TestData.Person member;

	TestData.Person colleague;

	String api;

	@BeforeEach
	void team() {
		team = data.team("Planning");
		member = data.member(team);
		colleague = data.member(team);
		api = "/api/v1/teams/" + team.slug() + "/actions";
	}

	@Test
	void aMemberCreatesReadsChangesAndDeletesAnActionAndEveryChangeIsInTheHistory() throws Exception {
		JsonNode created = create(member, """
				{"title": "Fund the platform team as a product", "aspect": "investment",
				 "characteristic": "investment.3.c1", "owner": "%s", "dueOn": "2030-03-31", "status": "PLANNED",
				 "trackerUrl": "https://tracker.example.org/PLAT-1", "notes": "Ask finance", "plannedLevel": 3}"""
			.formatted(colleague.username()));
		long id = created.path("id").asLong();
		assertThat(created.path("modelVersion").asString()).isEqualTo("cncf-pemm-v1");
		assertThat(created.path("owner").path("username").asString()).isEqualTo(colleague.username());
		assertThat(created.path("overdue").asBoolean()).isFalse();
		assertThat(created.path("version").asLong()).isZero();

		mvc.perform(get(api).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].title").value("Fund the platform team as a product"));

		JsonNode changed = read(mvc.perform(
				put(api + "/" + id).with(as(colleague)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
						{"title": "Fund the platform team as a product", "aspect": "investment",
						 "characteristic": "investment.3.c1", "owner": "%s", "dueOn": "2030-03-31", "status": "DONE",
						 "plannedLevel": 3, "version": 0}""".formatted(colleague.username())))
			.andExpect(status().isOk()));
		assertThat(changed.path("status").asString()).isEqualTo("DONE");
		assertThat(changed.path("doneAt").isNull()).isFalse();
		assertThat(changed.path("trackerUrl").isNull()).as("a field left out is emptied").isTrue();
		assertThat(changed.path("version").asLong()).isOne();

		JsonNode stale = read(mvc
			.perform(put(api + "/" + id).with(as(member))
				.with(csrf())
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Mine\", \"aspect\": \"investment\", \"version\": 0}"))
			.andExpect(status().isConflict()));
		assertThat(stale.path("detail").asString()).contains("Test " + colleague.username());
		assertThat(stale.path("current").path("status").asString()).isEqualTo("DONE");

		mvc.perform(delete(api + "/" + id).param("version", "0").with(as(member)).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(delete(api + "/" + id).param("version", "1").with(as(member)).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(get(api + "/" + id).with(as(member))).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select kind || ':' || coalesce(field, '') from action_event where team_id = ? order by id")
			.param(team.id())
			.query(String.class)
			.list()).containsExactly("CREATE:", "CHANGE:status", "CHANGE:trackerUrl", "CHANGE:notes", "DELETE:");
	}

	@Test
	void leadsAndAdministratorsReadAndCommentButOnlyMembersPlan() throws Exception {
		long id = create(member, "{\"title\": \"Measure adoption\", \"aspect\": \"adoption\"}").path("id").asLong();
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person outsider = data.member(data.team("Elsewhere"));

		for (TestData.Person reader : new TestData.Person[] { lead, admin }) {
			mvc.perform(get(api).with(as(reader))).andExpect(status().isOk());
			mvc.perform(get(api + "/" + id).with(as(reader))).andExpect(status().isOk());
			mvc.perform(post(api).with(as(reader))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Not theirs\", \"aspect\": \"adoption\"}")).andExpect(status().isForbidden());
			mvc.perform(put(api + "/" + id).with(as(reader))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Not theirs\", \"aspect\": \"adoption\", \"version\": 0}"))
				.andExpect(status().isForbidden());
			mvc.perform(delete(api + "/" + id).with(as(reader)).with(csrf())).andExpect(status().isForbidden());
			mvc.perform(post("/teams/" + team.slug() + "/actions/" + id + "/comments").param("text", "Looks good")
				.with(as(reader))
				.with(csrf())).andExpect(status().is3xxRedirection());
		}
		mvc.perform(get(api + "/" + id).with(as(outsider))).andExpect(status().isNotFound());
		mvc.perform(post(api).with(as(outsider))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Not theirs\", \"aspect\": \"adoption\"}")).andExpect(status().isNotFound());

		mvc.perform(get(api + "/" + id).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments.length()").value(2))
			.andExpect(jsonPath("$.comments[0].text").value("Looks good"))
			.andExpect(jsonPath("$.action.version").value(0));
		assertThat(
				jdbc.sql("select count(*) from action where team_id = ?").param(team.id()).query(Long.class).single())
			.isOne();
	}

	@Test
	void anOpenActionPastItsDueDateIsOverdue() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long late = create(member,
				"{\"title\": \"Late\", \"aspect\": \"operations\", \"dueOn\": \"%s\"}".formatted(today.minusDays(1)))
			.path("id")
			.asLong();
		create(member, "{\"title\": \"Due today\", \"aspect\": \"operations\", \"dueOn\": \"%s\"}".formatted(today));
		create(member, "{\"title\": \"Done late\", \"aspect\": \"operations\", \"status\": \"DONE\", \"dueOn\": \"%s\"}"
			.formatted(today.minusDays(3)));

		mvc.perform(get(api).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == 'Late')].overdue").value(true))
			.andExpect(jsonPath("$[?(@.title == 'Due today')].overdue").value(false))
			.andExpect(jsonPath("$[?(@.title == 'Done late')].overdue").value(false));
		assertThat(overdue.on(today)).filteredOn(action -> action.teamSlug().equals(team.slug()))
			.extracting(OverdueActions.OverdueAction::actionId)
			.containsExactly(late);
	}

	private JsonNode create(TestData.Person who, String body) throws Exception {
		return read(
				mvc.perform(post(api).with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isCreated()));
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(data.principal(person));
	}

}
