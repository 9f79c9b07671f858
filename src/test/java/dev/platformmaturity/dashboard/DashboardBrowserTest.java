package dev.platformmaturity.dashboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform lead works the dashboard in the browser: filter, compare, trend, CSV; reads
 * the tiles and switches provisional figures on and off on a laptop (the heatmap above
 * the fold) and on a phone (nothing sideways).
 */
@BrowserTest
class DashboardBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadFiltersByGroupComparesThreeTeamsOpensATrendAndDownloadsTheCsv(Browser browser) throws Exception {
		long group = data.group("Browsed");
		String groupName = jdbc.sql("select name from team_group where id = ?")
			.param(group)
			.query(String.class)
			.single();
		TestData.Quarter quarter = data.openQuarter();
		List<TestData.Team> teams = List.of(data.team("Ant", group), data.team("Bee", group), data.team("Cat", group));
		TestData.Team outsider = data.team("Outsider");
		TestData.Person lead = data.person(Role.LEAD);
		for (int i = 0; i < teams.size(); i++) {
			int level = i + 1;
			given.submitted(teams.get(i), quarter, lead)
				.levels(Map.of("investment_1", level, "adoption_1", level))
				.comments(Map.of("adoption_1", "注释 " + level))
				.load();
		}

		browser.signIn(lead.username(), TestData.PASSWORD);
		browser.open("/dashboard?quarter=" + quarter.label());
		new Select(browser.find(By.id("group"))).selectByVisibleText(groupName);
		browser.clickAndLoad(By.cssSelector("form.filters button"));
		List<String> rows = browser.findAll(By.cssSelector(".heatmap tbody th a:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).containsExactly("Ant", "Bee", "Cat");
		assertThat(browser.pageText()).doesNotContain(outsider.name());
		assertThat(browser.text(By.cssSelector(".completion-summary"))).contains("3 team(s): 3 submitted");

		teams.forEach(team -> browser.find(By.id("compare-" + team.slug())).click());
		browser.clickAndLoad(By.cssSelector(".compare-form button[type=submit]"));
		assertThat(browser.currentPath()).startsWith("/dashboard/compare");
		assertThat(browser.findAll(By.cssSelector("figure svg [id^='compare-series-']")))
			.as("the three teams and the organisation's median")
			.hasSize(4);
		assertThat(browser.findAll(By.cssSelector("table thead th a"))).extracting(WebElement::getText)
			.containsExactly("Ant", "Bee", "Cat");

		browser.open("/dashboard?quarter=" + quarter.label() + "&group=" + group);
		browser.clickAndLoad(By.cssSelector("a[href='/dashboard/trends?team=" + teams.get(1).slug() + "']"));
		assertThat(browser.text(By.tagName("h1"))).contains("Bee");
		assertThat(browser.findAll(By.cssSelector("figure svg"))).hasSize(1);

		browser.open("/dashboard?quarter=" + quarter.label() + "&group=" + group);
		browser.find(By.partialLinkText("All answers as CSV")).click();
		Path csv = browser.downloaded(".csv");
		String text = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFteam,team_name,group,quarter,aspect,question");
		assertThat(text).contains("注释 2", teams.get(2).slug());
	}

	@Test
	void aLeadReadsTheTilesAndSwitchesProvisionalFiguresOnALaptopAndOnAPhone(Browser browser) {
		long group = data.group("Glance");
		TestData.Quarter earlier = data.closedQuarter();
		TestData.Quarter quarter = data.closedQuarter();
		TestData.Team done = data.team("Done", group);
		TestData.Team busy = data.team("Busy", group);
		data.team("Idle", group);
		TestData.Person lead = data.person(Role.LEAD);
		given.submitted(done, earlier, lead).levels(Map.of("investment_1", 1)).load();
		given.submitted(done, quarter, lead).levels(Map.of("investment_1", 3)).targets(Map.of("investment", 4)).load();
		given.inProgress(busy, quarter, lead).levels(Map.of("investment_1", 1)).load();
		String dashboard = "/dashboard?quarter=" + quarter.label() + "&group=" + group;

		browser.signIn(lead.username(), TestData.PASSWORD);
		browser.resize(1366, 768);
		browser.open(dashboard);
		assertThat(browser.text(By.cssSelector(".tile--completion"))).contains("33 % submitted",
				"1 of 3 teams submitted");
		WebElement investment = browser.findAll(By.cssSelector(".tile--aspect")).get(0);
		assertThat(investment.getText()).contains("Investment", "3.00", "▲ 2.00", "median of 1 team(s)");
		assertThat(browser.text(By.cssSelector(".tile--movers"))).contains("Done", "Investment", "▲ 2.00");
		assertThat(browser.text(By.id("figures-note"))).contains("Final figures");
		assertThat(((Number) browser
			.script("return document.getElementById('heatmap-heading').getBoundingClientRect().bottom")).doubleValue())
			.as("the heatmap starts above the fold")
			.isLessThan(768);
		assertThat(cell(browser, busy).getText()).isEqualTo("–");
		assertThat(cell(browser, done).getText()).contains("3.00", "▲ 2.00", "→4: 1.00");
		assertThat(browser.findAll(By.cssSelector(".heatmap td.provisional"))).isEmpty();

		browser.find(By.id("provisional")).click();
		browser.clickAndLoad(By.cssSelector("form.filters button"));
		assertThat(browser.text(By.id("figures-note"))).contains("Provisional figures included");
		assertThat(cell(browser, busy).getText()).isEqualTo("1.00");
		assertThat(cell(browser, busy).getDomAttribute("class")).contains("provisional");
		assertThat(browser.findAll(By.cssSelector(".tile--aspect")).get(0).getText()).contains("2.00",
				"median of 2 team(s)");
		assertThat(browser.text(By.cssSelector(".heat-legend"))).contains("Provisional");

		browser.find(By.id("provisional")).click();
		browser.clickAndLoad(By.cssSelector("form.filters button"));
		assertThat(browser.findAll(By.cssSelector(".heatmap td.provisional"))).isEmpty();

		browser.resize(390, 844);
		browser.open(dashboard + "&lang=zh-CN");
		assertThat(browser.text(By.cssSelector(".tile--completion"))).contains("已提交 33%");
		assertThat(
				browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("nothing sticks out sideways at 390 px")
			.isEqualTo(true);
		assertThat(browser.find(By.cssSelector(".tile--aspect")).isDisplayed()).isTrue();
		assertThat(((Number) browser
			.script("return document.querySelector('.tile--completion').getBoundingClientRect()" + ".right"))
			.doubleValue()).isLessThanOrEqualTo(390);
	}

	private static WebElement cell(Browser browser, TestData.Team team) {
		return browser.find(
				By.xpath("//input[@id='compare-" + team.slug() + "']/ancestor::tr/td[contains(@class,'numeric')][1]"));
	}

}
