package dev.platformmaturity.action;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where actions show outside their own pages: beside the questions, beside the score
 * change, on the dashboard, and as CSV for leads.
 */
@IntegrationTest
class ActionViewsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	long group;

	TestData.Team team;

	TestData.Person member;

	TestData.Person lead;

	@BeforeEach
	void aTeamWithAPlan() throws Exception {
		group = data.group("Viewed");
		team = data.team("Payments 支付🚀", group);
		member = data.member(team);
		lead = data.person(Role.LEAD);
		action("{\"title\": \"自助数据库 🚀, \\\"self-service\\\"\", \"aspect\": \"investment\","
				+ " \"dueOn\": \"2001-01-31\", \"notes\": \"two\\nlines\"}");
		action("{\"title\": \"Golden paths\", \"aspect\": \"adoption\", \"status\": \"IN_PROGRESS\"}");
		action("{\"title\": \"Publish DORA figures\", \"aspect\": \"investment\", \"status\": \"DONE\","
				+ " \"plannedLevel\": 3, \"notes\": \"=HYPERLINK(\\\"http://evil.example/\\\",\\\"Click\\\")\"}");
	}

	@Test
	void theAnsweringPageShowsTheAspectsOpenActionsBesideItsQuestions() throws Exception {
		TestData.Quarter open = data.openQuarter();
		given.inProgress(team, open, member).levels(Map.of("investment_1", 2)).load();

		String answer = "/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=";
		Document investment = page(answer + "investment", member);
		assertThat(investment.select(".open-actions li").eachText()).singleElement()
			.asString()
			.contains("自助数据库 🚀, \"self-service\"", "Planned", "Overdue");
		assertThat(investment.select("a.cncf-link, .cncf-link a").attr("href")).endsWith("/cncf-import");

		Document adoption = page(answer + "adoption", member);
		assertThat(adoption.select(".open-actions li").eachText()).singleElement()
			.asString()
			.contains("Golden paths", "In progress");
	}

	@Test
	void theResultsShowActionsDoneSinceThePreviousQuarterAndOfferOpportunitiesAsActions() throws Exception {
		TestData.Quarter earlier = data.closedQuarter();
		TestData.Quarter later = data.closedQuarter();
		given.submitted(team, earlier, member).levels(Map.of("investment_1", 1)).load();
		given.submitted(team, later, member).levels(Map.of("investment_1", 2)).load();

		Document results = page("/teams/" + team.slug() + "/assessments/" + later.label(), member);
		assertThat(results.select("#aspect-investment .done-actions li").eachText())
			.containsExactly("Publish DORA figures for level 3");
		assertThat(results.select("#aspect-investment h3").eachText())
			.contains("Actions done since " + earlier.label());
		assertThat(results.select("#aspect-adoption .done-actions li")).isEmpty();
		String plan = results.select("#aspect-investment a.plan-link").first().attr("href");
		assertThat(plan).contains("/teams/" + team.slug() + "/actions/new?", "aspect=investment",
				"characteristic=investment.", "from=" + later.label());
		Document form = page(plan, member);
		assertThat(form.select("#title").val()).isNotBlank();

		assertThat(page("/teams/" + team.slug() + "/assessments/" + later.label(), lead).select("a[href*=actions/new]"))
			.as("a lead reads the results but plans nothing")
			.isEmpty();
	}

	@Test
	void theResultsRadarShowsTheLevelsThatOpenActionsPlanToReach() throws Exception {
		TestData.Quarter quarter = data.closedQuarter();
		given.submitted(team, quarter, member).levels(Map.of("investment_1", 2, "adoption_1", 1)).load();
		String results = "/teams/" + team.slug() + "/assessments/" + quarter.label() + "?lang=en";
		assertThat(page(results, member).select("figure.chart--regular svg").text())
			.as("a done action's planned level is not a plan")
			.doesNotContain("Plan (open actions)");

		action("{\"title\": \"Platform champions\", \"aspect\": \"adoption\", \"plannedLevel\": 3}");

		Document page = page(results, member);
		assertThat(page.select("figure.chart--regular svg").text()).contains("Plan (open actions)");
		assertThat(page(results.replace("lang=en", "lang=zh-CN"), member).select("figure.chart--regular svg").text())
			.contains("计划（未完成的行动）");
	}

	@Test
	void theDashboardShowsOpenAndOverdueActionsPerTeamAndTeamsWithOpenActionsPerAspect() throws Exception {
		TestData.Quarter quarter = data.closedQuarter();
		given.submitted(team, quarter, member).levels(Map.of("investment_1", 2)).load();
		TestData.Team idle = data.team("Idle", group);

		Document dashboard = page("/dashboard?quarter=" + quarter.label() + "&group=" + group, lead);
		assertThat(dashboard.select(".action-teams tr[data-team=" + team.slug() + "] td").eachText())
			.containsExactly("2", "1");
		assertThat(dashboard.select(".action-teams tr[data-team=" + idle.slug() + "]")).isEmpty();
		assertThat(dashboard.select(".action-aspects tr[data-aspect=investment] td").text()).isEqualTo("1");
		assertThat(dashboard.select(".action-aspects tr[data-aspect=adoption] td").text()).isEqualTo("1");
		assertThat(dashboard.select(".action-aspects tr[data-aspect=measurement] td").text()).isEqualTo("0");
		assertThat(dashboard.select(".dashboard-actions a[href*=actions.csv]").attr("href"))
			.isEqualTo("/actions.csv?group=" + group);
	}

	@Test
	void leadsGetEveryActionOfTheGroupAsCsvInUtf8WithAByteOrderMark() throws Exception {
		byte[] body = mvc.perform(get("/actions.csv?group=" + group).with(user(data.principal(lead))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
		assertThat(rows).extracting(row -> row.get("title"))
			.containsExactly("自助数据库 🚀, \"self-service\"", "Golden paths", "Publish DORA figures");
		assertThat(rows.get(0).get("team_name")).isEqualTo("Payments 支付🚀");
		assertThat(rows.get(0).get("overdue")).isEqualTo("true");
		assertThat(rows.get(0).get("notes")).isEqualTo("two\nlines");
		assertThat(rows.get(2).get("status")).isEqualTo("DONE");
		assertThat(rows.get(2).get("notes")).as("a formula opens as text")
			.isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"Click\")");
		assertThat(rows.get(2).get("done_at")).isNotBlank();

		mvc.perform(get("/actions.csv").with(user(data.principal(member)))).andExpect(status().isForbidden());
		mvc.perform(get("/actions.csv?group=999999999").with(user(data.principal(lead))))
			.andExpect(status().isNotFound());
	}

	private Document page(String path, TestData.Person who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(data.principal(who))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private void action(String body) throws Exception {
		mvc.perform(post("/api/v1/teams/" + team.slug() + "/actions").with(user(data.principal(member)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
	}

}
