package dev.platformmaturity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.assessment.AssessmentLoader;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ReportBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	ModelCatalog catalog;

	@Test
	void aLeadDownloadsTheOrganisationReportFromTheDashboard(Browser browser) throws Exception {
		long group = data.group("Downloaded");
		TestData.Team team = data.team("Reported team", group);
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Quarter quarter = data.openQuarter();
		SystemTask.run(() -> loader.load(catalog.currentVersion(), List.of(new AssessmentLoader.Loaded(team.id(), quarter.id(),
				AssessmentStatus.SUBMITTED, lead.id(), Instant.now(), Map.of("investment_1", 3), Set.of(), Map.of(), Map.of(),
				Set.of()))));

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
