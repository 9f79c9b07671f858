package dev.platformmaturity.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform lead finds a team's open and overdue actions on the dashboard, its plan in
 * the team's PDF report and the actions by aspect and status in the organisation's; the
 * actions are planned by a member's script through the API.
 */
@BrowserTest
class LeadSeesPlansBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@LocalServerPort
	int port;

	@Test
	void aLeadSeesOpenAndOverdueActionsOnTheDashboardAndInBothReports(Browser browser) throws Exception {
		long group = data.group("Planned");
		TestData.Team team = data.team("Plans 计划 🚀", group);
		TestData.Person member = data.member(team);
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Quarter quarter = data.openQuarter();
		given.submitted(team, quarter, member).levels(Map.of("investment_1", 2, "adoption_1", 1)).load();
		plan(team, member,
				"{\"title\": \"Self-service databases\", \"aspect\": \"investment\", \"dueOn\": \"2001-01-31\"}");
		plan(team, member, "{\"title\": \"Golden paths\", \"aspect\": \"adoption\", \"status\": \"IN_PROGRESS\"}");

		browser.open("/login?lang=en");
		browser.signIn(lead.username(), TestData.PASSWORD);
		browser.open("/dashboard?quarter=" + quarter.label() + "&group=" + group);
		assertThat(browser.findAll(By.cssSelector(".action-teams tr[data-team='" + team.slug() + "'] td"))
			.stream()
			.map(cell -> cell.getText())
			.toList()).as("open, overdue").containsExactly("2", "1");
		assertThat(browser.text(By.cssSelector(".action-aspects tr[data-aspect=investment] td"))).isEqualTo("1");

		browser.find(By.partialLinkText("Organisation report (PDF)")).click();
		String organisation = Pdf.parse(Files.readAllBytes(browser.downloaded(".pdf"))).text();
		assertThat(organisation).contains("Actions by aspect and status", "Investment", "Adoption");

		browser.open("/teams/" + team.slug() + "/assessments/" + quarter.label());
		Files.deleteIfExists(browser.downloaded(".pdf"));
		browser.find(By.partialLinkText("Download the PDF report")).click();
		String teamReport = Pdf.parse(Files.readAllBytes(browser.downloaded(".pdf"))).text();
		assertThat(teamReport).contains("Plan", "Self-service databases", "Golden paths");
	}

	/** A member's script plans an action: HTTP Basic, no session and no CSRF token. */
	private void plan(TestData.Team team, TestData.Person member, String json) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((member.username() + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/teams/" + team.slug() + "/actions"))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
