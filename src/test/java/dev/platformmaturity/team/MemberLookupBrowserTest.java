package dev.platformmaturity.team;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator types part of a name into "Add a member", is offered the matching
 * people and adds one.
 */
@BrowserTest
class MemberLookupBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void typingPartOfANameOffersThePeopleWhoMatch(Browser browser) {
		TestData.Team team = data.team("Suggested");
		String surname = TestData.unique("Featherstonehaugh");
		TestData.Person wanted = data.person(Role.MEMBER);
		jdbc.sql("update person set display_name = ? where id = ?").params("王 " + surname, wanted.id()).update();
		TestData.Person admin = data.person(Role.ADMIN);

		browser.signIn(admin.username(), TestData.PASSWORD);
		browser.open("/admin/teams/" + team.slug() + "?lang=en");
		browser.find(By.id("username")).sendKeys(surname.substring(0, 12).toLowerCase());
		browser.waitUntil(driver -> !browser.findAll(By.cssSelector("#member-candidates option")).isEmpty());

		assertThat(browser.findAll(By.cssSelector("#member-candidates option")))
			.extracting(option -> option.getDomProperty("value") + " " + option.getDomProperty("label"))
			.contains(wanted.username() + " 王 " + surname + " (" + wanted.username() + ")");

		browser.type("username", wanted.username());
		browser.clickAndLoad(By.cssSelector("form[action$='/members'] button[type=submit]"));
		assertThat(browser.text(By.cssSelector(".notice--success"))).contains("王 " + surname);
		assertThat(jdbc.sql("select count(*) from membership where team_id = ? and person_id = ?")
			.params(team.id(), wanted.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
