package dev.platformmaturity.action;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member turns two opportunities of last quarter's results into actions with an owner
 * and a due date, sees them beside the questions while answering this quarter, marks one
 * done and finds it beside the score change; on a phone's width (390 px) as well.
 */
@BrowserTest
class PlanJourneyBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMemberPlansFromOpportunitiesSeesThePlanWhileAnsweringAndTheDoneActionBesideTheScore(Browser browser) {
		TestData.Team team = data.team("Payments 支付平台");
		TestData.Person member = data.member(team);
		TestData.Person owner = data.member(team);
		jdbc.sql("update person set display_name = '王芳 🚀' where id = ?").param(owner.id()).update();
		TestData.Quarter last = data.closedQuarter();
		TestData.Quarter open = data.openQuarter();
		given.submitted(team, last, member).levels(Map.of("investment_1", 1, "investment_2", 1)).load();
		given.inProgress(team, open, member).levels(Map.of("investment_1", 2)).load();

		browser.open("/login?lang=en");
		browser.signIn(member.username(), TestData.PASSWORD);
		String results = "/teams/" + team.slug() + "/assessments/" + last.label();
		String first = planFromOpportunity(browser, results, 0, "王芳 🚀", "2030-03-31");
		String second = planFromOpportunity(browser, results, 1, "王芳 🚀", "2030-06-30");
		assertThat(browser.currentPath()).startsWith(results);
		assertThat(first).isNotEqualTo(second);

		browser.open("/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=investment");
		List<String> beside = browser.findAll(By.cssSelector(".open-actions li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(beside).hasSize(2).allSatisfy(line -> assertThat(line).contains("王芳 🚀", "Planned"));
		assertThat(beside).anySatisfy(line -> assertThat(line).startsWith(first));

		browser.clickAndLoad(By.linkText(first));
		new Select(browser.find(By.id("status"))).selectByValue("DONE");
		browser.clickAndLoad(By.cssSelector("#action-form button[type=submit]"));

		browser.open("/teams/" + team.slug() + "/assessments/" + open.label());
		assertThat(browser.text(By.cssSelector("#aspect-investment .done-actions"))).contains(first);
		assertThat(browser.pageText()).contains("Actions done since " + last.label());
		browser.open("/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=investment");
		assertThat(browser.findAll(By.cssSelector(".open-actions li"))).hasSize(1);

		browser.resize(390, 844);
		for (String page : List.of("/teams/" + team.slug() + "/actions",
				"/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=investment",
				"/teams/" + team.slug() + "/assessments/" + open.label())) {
			browser.open(page);
			assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;"))
				.as("nothing wider than the phone on " + page)
				.isLessThanOrEqualTo(0L);
		}
		assertThat(browser.pageText()).contains(first);
	}

	/**
	 * Plans an action from the nth opportunity of the investment aspect; answers its
	 * title.
	 */
	private static String planFromOpportunity(Browser browser, String results, int index, String owner, String due) {
		browser.open(results);
		browser.clickAndLoad(
				By.xpath("(//section[@id='aspect-investment']//a[contains(@class,'plan-link')])[" + (index + 1) + "]"));
		String title = browser.find(By.id("title")).getAttribute("value");
		assertThat(title).as("the opportunity's text as title").isNotBlank();
		assertThat(new Select(browser.find(By.id("characteristic"))).getFirstSelectedOption().getAttribute("value"))
			.startsWith("investment.");
		browser.select("owner", owner);
		browser.script("arguments[0].value = arguments[1];", browser.find(By.id("dueOn")), due);
		browser.clickAndLoad(By.cssSelector("#action-form button[type=submit]"));
		return title;
	}

}
