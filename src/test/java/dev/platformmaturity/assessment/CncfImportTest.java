package dev.platformmaturity.assessment;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing the CNCF tool's share URL into an open assessment: a preview of what changes,
 * then answers pre-filled as imported, to review, with the assessment's kept figures
 * exact, the history recording each, and nothing changed when an answer changed since the
 * preview.
 */
@IntegrationTest
class CncfImportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	TestData.Team team;

	TestData.Person member;

	String page;

	String api;

	@BeforeEach
	void startedAssessment() throws Exception {
		team = data.team("Imported");
		member = data.member(team);
		String quarter = data.openQuarter().label();
		page = "/teams/" + team.slug() + "/assessments/" + quarter;
		api = "/api/v1" + page;
		save("investment_1", "investment_1:1", 0);
		save("investment_2", "investment_2:4", 0);
		save("adoption_1", null, 0);
	}

	@Test
	void previewsThenImportsTheChangedAnswersAsImportedToReviewWithExactFigures() throws Exception {
		Document preview = page(mvc.perform(post(page + "/cncf-import/preview").with(asMember())
			.with(csrf())
			.param("shared", CncfShareUrlTest.PUBLISHED_EXAMPLE + "&flow_9=2")));
		assertThat(preview.select(".cncf-changes tbody tr")).as("changed answers: all but investment_1 (already 1)")
			.hasSize(19);
		assertThat(preview.select(".cncf-changes tr[data-question=investment_2]").text()).contains("4 ·", "1 ·",
				"reviewed");
		assertThat(preview.select(".cncf-ignored").text()).contains("flow_9=2");
		assertThat(preview.text()).contains("1 answer(s) of the address already have the same level");
		assertThat(rows("select count(*) from assessment_event e join assessment a on a.id = e.assessment_id"
				+ " where a.team_id = ? and e.kind = 'IMPORT'"))
			.as("a preview writes nothing")
			.isZero();

		mvc.perform(post(page + "/cncf-import").with(asMember())
			.with(csrf())
			.param("shared", CncfShareUrlTest.PUBLISHED_EXAMPLE)
			.params(versions(preview))).andExpect(redirectedUrl(page + "/answer"));

		mvc.perform(get(api).with(asMember()))
			.andExpect(jsonPath("$.answered").value(20))
			.andExpect(jsonPath("$.reviewed").value(1))
			.andExpect(jsonPath("$.carriedOver").value(19))
			.andExpect(jsonPath("$.answers.investment_1.imported").value(false))
			.andExpect(jsonPath("$.answers.investment_2.level").value(1))
			.andExpect(jsonPath("$.answers.investment_2.imported").value(true))
			.andExpect(jsonPath("$.answers.investment_2.carriedOver").value(true))
			.andExpect(jsonPath("$.answers.measurement_4.level").value(4))
			.andExpect(jsonPath("$.scores.interfaces.level").value(3));
		assertThat(KeptFigures.differences(jdbc)).isEmpty();
		assertThat(rows("select count(*) from assessment_event e join assessment a on a.id = e.assessment_id"
				+ " where a.team_id = ? and e.kind = 'IMPORT'"))
			.isEqualTo(19);

		mvc.perform(post(page + "/submit").with(asMember()).with(csrf())).andExpect(redirectedUrl(page));
		assertThat(jdbc.sql("select status from assessment where team_id = ?")
			.param(team.id())
			.query(String.class)
			.single()).as("imported answers still to review").isEqualTo("IN_PROGRESS");

		mvc.perform(post(api + "/aspects/investment/confirm").with(asMember()).with(csrf()))
			.andExpect(jsonPath("$.confirmed.length()").value(3))
			.andExpect(jsonPath("$.reviewed").value(4));
		mvc.perform(get(api).with(asMember())).andExpect(jsonPath("$.answers.investment_2.imported").value(false));
		assertThat(KeptFigures.differences(jdbc)).isEmpty();
	}

	@Test
	void importsNothingWhenAnAnswerChangedSinceThePreview() throws Exception {
		Document preview = page(mvc.perform(post(page + "/cncf-import/preview").with(asMember())
			.with(csrf())
			.param("shared", "?investment_1=3&investment_2=2")));
		save("investment_2", "investment_2:3", 1);

		Document refused = page(mvc.perform(post(page + "/cncf-import").with(asMember())
			.with(csrf())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.param("shared", "?investment_1=3&investment_2=2")
			.params(versions(preview))));
		assertThat(refused.select(".cncf-problem").text()).contains("changed since the preview");
		mvc.perform(get(api).with(asMember()))
			.andExpect(jsonPath("$.answers.investment_1.level").value(1))
			.andExpect(jsonPath("$.answers.investment_2.level").value(3));
		assertThat(KeptFigures.differences(jdbc)).isEmpty();
	}

	@Test
	void theAnsweringMemberOnlyAndOnlyInAStartedOpenAssessment() throws Exception {
		TestData.Person outsider = data.member(data.team("Other"));
		mvc.perform(post(page + "/cncf-import/preview").with(user(data.principal(outsider)))
			.with(csrf())
			.param("shared", "?investment_1=3")).andExpect(status().isNotFound());
		TestData.Team fresh = data.team("Fresh");
		TestData.Person freshMember = data.member(fresh);
		String freshPage = "/teams/" + fresh.slug() + page.substring(page.indexOf("/assessments"));
		Document notStarted = page(
				mvc.perform(post(freshPage + "/cncf-import/preview").with(user(data.principal(freshMember)))
					.with(csrf())
					.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
					.param("shared", "?investment_1=3")));
		assertThat(notStarted.select(".cncf-problem").text()).isNotBlank();
		assertThat(rows("select count(*) from assessment where team_id = ?", fresh.id())).isZero();
	}

	private static LinkedMultiValueMap<String, String> versions(Document preview) {
		LinkedMultiValueMap<String, String> versions = new LinkedMultiValueMap<>();
		preview.select(".cncf-confirm input[name^=version.]")
			.forEach(input -> versions.add(input.attr("name"), input.attr("value")));
		return versions;
	}

	private void save(String question, String option, long version) throws Exception {
		mvc.perform(
				put(api + "/answers/" + question).with(asMember())
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"option\": " + (option == null ? "null" : "\"" + option + "\"")
							+ ", \"notApplicable\": " + (option == null) + ", \"version\": " + version + "}"))
			.andExpect(status().isOk());
	}

	private Document page(ResultActions result) throws Exception {
		return Jsoup.parse(
				result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long rows(String sql) {
		return rows(sql, team.id());
	}

	private long rows(String sql, long teamId) {
		return jdbc.sql(sql).param(teamId).query(Long.class).single();
	}

	private RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

}
