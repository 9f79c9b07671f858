package dev.platformmaturity.team;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up a team and its member in the browser; the member then sees
 * only that team.
 */
@BrowserTest
class OnboardingBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorCreatesATeamAndAMemberWhoThenSeesOnlyTheirTeam(Browser browser) {
		TestData.Person admin = data.person(Role.ADMIN);
		long groupId = data.group("Journey");
		String groupName = jdbc.sql("select name from team_group where id = ?")
			.param(groupId)
			.query(String.class)
			.single();
		TestData.Team otherTeam = data.team("Somebody else's team");
		String slug = TestData.unique("journey");
		String username = TestData.unique("journey.member");

		browser.signIn(admin.username(), TestData.PASSWORD);
		browser.open("/admin/teams/new").type("name", "旅程团队 Journey").type("slug", slug).select("groupId", groupName);
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.text(By.cssSelector(".notice--success"))).contains("旅程团队 Journey");

		browser.open("/admin/people/new")
			.type("username", username)
			.type("displayName", "Journey Member")
			.type("email", username + "@example.org")
			.type("password", "journey member password");
		browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.text(By.cssSelector(".notice--success"))).contains(username);

		browser.open("/admin/teams/" + slug).type("username", username);
		browser.clickAndLoad(By.xpath("//form[contains(@action, '/members')]//button"));
		assertThat(browser.text(By.cssSelector(".notice--success"))).contains("Journey Member");
		browser.signOut();

		browser.signIn(username, "journey member password");
		WebElement myTeams = browser.find(By.cssSelector(".my-teams"));
		assertThat(myTeams.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.singleElement()
			.asString()
			.contains("旅程团队 Journey");
		browser.open("/teams");
		assertThat(browser.findAll(By.cssSelector("main tbody tr"))).hasSize(1);
		assertThat(browser.pageText()).doesNotContain(otherTeam.name());
		assertThat(browser.findAll(By.linkText("Administration"))).isEmpty();

		browser.open("/teams/" + otherTeam.slug());
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
		browser.open("/admin/teams");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("You may not open this page");
	}

}
