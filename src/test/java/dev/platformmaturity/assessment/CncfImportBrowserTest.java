package dev.platformmaturity.assessment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member brings the answers of the CNCF assessment tool in through its share URL: a
 * preview of what changes, then the answers stand in the open assessment as imported, to
 * review, like carried-over ones.
 */
@BrowserTest
class CncfImportBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Test
	void aMemberImportsAShareUrlAndReviewsTheImportedAnswers(Browser browser) {
		TestData.Team team = data.team("导入 Import 🚀");
		TestData.Person member = data.member(team);
		TestData.Quarter open = data.openQuarter();
		given.inProgress(team, open, member).levels(Map.of("investment_1", 1)).load();
		String answering = "/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=investment";

		browser.open("/login?lang=en");
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open(answering);
		browser.clickAndLoad(By.linkText("Import from the CNCF assessment tool"));
		browser.type("shared", "https://cloud-native-platform-engineering.github.io/pemm-assessment/"
				+ "?investment_1=3&investment_2=2&nonsense_9=1&lang=zh");
		browser.clickAndLoad(By.cssSelector("form[action$='/cncf-import/preview'] button[type=submit]"));

		assertThat(browser.findAll(By.cssSelector(".cncf-changes tbody tr"))).hasSize(2);
		assertThat(browser.text(By.cssSelector(".cncf-ignored"))).contains("nonsense_9");
		browser.clickAndLoad(By.cssSelector(".cncf-confirm button[type=submit]"));

		assertThat(browser.currentPath()).endsWith("/answer");
		browser.open(answering);
		assertThat(browser.find(By.cssSelector("#question-investment_1 input[type=radio][value='investment_1:3']"))
			.isSelected()).isTrue();
		assertThat(browser.find(By.cssSelector("#question-investment_2 input[type=radio][value='investment_2:2']"))
			.isSelected()).isTrue();
		assertThat(browser.findAll(By.cssSelector("#question-investment_1 [data-role=carried-over]")))
			.as("imported, to review")
			.isNotEmpty();
	}

}
