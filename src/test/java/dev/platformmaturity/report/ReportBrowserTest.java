package dev.platformmaturity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ReportBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Test
	void aLeadDownloadsTheOrganisationReportFromTheDashboard(Browser browser) throws Exception {
		long group = data.group("Downloaded");
		TestData.Team team = data.team("Reported team", group);
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Quarter quarter = data.openQuarter();
		given.submitted(team, quarter, lead).levels(Map.of("investment_1", 3)).load();

		browser.signIn(lead.username(), TestData.PASSWORD);
		browser.open("/dashboard?quarter=" + quarter.label() + "&group=" + group);
		browser.find(By.partialLinkText("Organisation report (PDF)")).click();
		Path pdf = browser.downloaded(".pdf");

		assertThat(pdf.getFileName().toString()).startsWith("platform-maturity_organisation_" + quarter.label());
		byte[] bytes = Files.readAllBytes(pdf);
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		Pdf parsed = Pdf.parse(bytes);
		assertThat(parsed.text()).contains("Reported team");
		assertThat(parsed.pages()).isPositive();
	}

}
