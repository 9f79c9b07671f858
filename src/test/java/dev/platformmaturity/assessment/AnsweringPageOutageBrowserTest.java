package dev.platformmaturity.assessment;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserExtension;
import dev.platformmaturity.support.EmbeddedDatabase;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answering page in Chromium while the database is down: the application answers 503
 * with Retry-After, the page says so in the person's language, keeps the change, retries
 * with back-off and saves it once the database is back. On its own embedded PostgreSQL,
 * stopped for real, so that no other test notices.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ AnsweringPageOutageBrowserTest.OwnDatabase.class, TestData.class, FaultyRequests.Registration.class })
@ExtendWith(BrowserExtension.class)
@DirtiesContext
class AnsweringPageOutageBrowserTest {

	private static final Duration OUTAGE = Duration.ofSeconds(15);

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	TestData data;

	@Autowired
	Assessments assessments;

	@Autowired
	FaultyRequests faults;

	static class OwnDatabase {

		@Bean(destroyMethod = "close")
		EmbeddedDatabase outageDatabase() {
			return EmbeddedDatabase.temporary();
		}

	}

	@AfterEach
	void databaseBack() throws IOException {
		database.start();
	}

	@Test
	void aSaveDuringAnOutageIsShownKeptRetriedWithBackOffAndSavedOnceTheDatabaseIsBack(Browser browser)
			throws IOException {
		TestData.Team team = data.team("Outage");
		TestData.Person member = data.member(team);
		TestData.Quarter quarter = data.openQuarter();
		data.prefer(member, "zh-CN");
		SystemTask.run(() -> assessments.start(team.slug(), quarter.label(), member.id()));
		browser.open("/login");
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open("/teams/" + team.slug() + "/assessments/" + quarter.label() + "/answer?aspect=investment");
		browser.waitFor(By.cssSelector("html.answer-script"));
		faults.clear();

		database.stop();
		browser.find(By.cssSelector("input[value='investment_2:3']"))
			.findElement(By.xpath("./ancestor::label"))
			.click();
		browser.waitUntil(driver -> driver.findElement(By.id("save-state"))
			.getAttribute("class")
			.contains("save-state--unavailable"));
		assertThat(browser.text(By.id("save-state"))).isEqualTo("尚未保存：服务器暂时无法使用，正在重试。您的修改会被保留。");
		assertThat(kept(browser)).contains("investment_2:3");
		pause(OUTAGE);
		int triedDuringTheOutage = faults.count("PUT", "/answers/");

		database.start();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(
				driver -> driver.findElement(By.id("save-state")).getAttribute("class").contains("save-state--saved"));

		assertThat(triedDuringTheOutage).as("tried again, but waiting longer each time and as long as Retry-After asks")
			.isBetween(2, 4);
		assertThat(browser.text(By.id("save-state"))).isEqualTo("所有修改均已保存。");
		assertThat(kept(browser)).isEqualTo("{}");
		assertThat(SystemTask.run(() -> assessments.state(team.slug(), quarter.label()))
			.answers()
			.get("investment_2")
			.level()).isEqualTo(3);
	}

	private static String kept(Browser browser) {
		return String.valueOf(browser.script("""
				const kept = Object.keys(localStorage).filter(key => key.startsWith('platform-maturity:pending:'));
				return kept.length ? localStorage.getItem(kept[0]) : '{}'"""));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
