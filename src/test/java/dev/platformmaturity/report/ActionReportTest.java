package dev.platformmaturity.report;

import java.util.Map;

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
 * The team report's Plan and the organisation report's actions by aspect and status,
 * parsed back with PDFBox.
 */
@IntegrationTest
class ActionReportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	TestData.Team team;

	TestData.Person member;

	TestData.Person lead;

	TestData.Quarter quarter;

	long group;

	@BeforeEach
	void aSubmittedAssessmentAndAPlan() throws Exception {
		group = data.group("Planned");
		team = data.team("Payments 支付", group);
		member = data.member(team);
		lead = data.person(Role.LEAD);
		quarter = data.closedQuarter();
		given.submitted(team, quarter, member).levels(Map.of("investment_1", 2, "adoption_1", 3)).load();
		action("{\"title\": \"Self-service databases 自助数据库 🚀\", \"aspect\": \"investment\","
				+ " \"dueOn\": \"2001-01-31\"}");
		action("{\"title\": \"Golden paths\", \"aspect\": \"adoption\", \"status\": \"IN_PROGRESS\"}");
		action("{\"title\": \"Publish DORA figures\", \"aspect\": \"investment\", \"status\": \"DONE\"}");
	}

	@Test
	void theTeamReportHasAPlanWithEveryActionItsStatusAndWhetherItIsOverdue() throws Exception {
		String report = "/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang=";
		String en = squeezed(report + "en");
		assertThat(en).contains("Plan", "Self-servicedatabases自助数据库", "Goldenpaths", "PublishDORAfigures",
				"Planned·Overdue", "Inprogress", "Done");

		String zh = squeezed(report + "zh-CN");
		assertThat(zh).contains("计划", "Self-servicedatabases", "已逾期");
	}

	@Test
	void theOrganisationReportCountsTheGroupsActionsByAspectAndStatus() throws Exception {
		String pdf = text(
				"/api/v1/reports/organisation.pdf?quarter=" + quarter.label() + "&group=" + group + "&lang=en");
		assertThat(pdf).contains("Actions by aspect and status");
		// aspect, planned, in progress, done, dropped, overdue
		assertThat(pdf.replaceAll("\\s+", " ")).contains("Investment 1 0 1 0 1", "Adoption 0 1 0 0 0");
	}

	/** The report's text without white space: table cells wrap their lines anywhere. */
	private String squeezed(String path) throws Exception {
		return text(path).replaceAll("\\s+", "");
	}

	private String text(String path) throws Exception {
		return Pdf
			.parse(mvc.perform(get(path).with(user(data.principal(lead))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray())
			.text();
	}

	private void action(String body) throws Exception {
		mvc.perform(post("/api/v1/teams/" + team.slug() + "/actions").with(user(data.principal(member)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
	}

}
