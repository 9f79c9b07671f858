package dev.platformmaturity.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member answers part of the survey (saved as they go), signs out and in again, finds
 * every answer, meets a colleague's conflicting edit, finishes, submits and reads the
 * results; in English and in Chinese.
 */
@BrowserTest
class AnsweringJourneyBrowserTest {

	@Autowired
	TestData data;

	@Autowired
	MessageSource messages;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	ModelCatalog catalog;

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberAnswersComesBackMeetsAConflictSubmitsAndSeesTheResults(String language, Browser browser,
			Browser colleagueBrowser) {
		Locale locale = Locale.forLanguageTag(language);
		TestData.Team team = data.team("Journey");
		TestData.Person member = data.member(team);
		TestData.Person colleague = data.member(team);
		data.prefer(member, language);
		data.prefer(colleague, language);
		TestData.Quarter quarter = data.openQuarter();
		String answerPage = "/teams/" + team.slug() + "/assessments/" + quarter.label() + "/answer";

		browser.open("/login?lang=" + language);
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open(answerPage + "?aspect=investment");
		assertThat(browser.findAll(By.cssSelector("fieldset[data-question]"))).as("opening the page starts nothing")
			.isEmpty();
		browser.clickAndLoad(By.cssSelector(".start-form button"));
		choose(browser, "investment_1", 3);
		choose(browser, "investment_2", 2);
		browser.find(By.id("comment-investment_1")).sendKeys("我们有专职团队 / a dedicated team");
		browser.find(By.id("target")).click();
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("target"))).selectByValue("4");
		waitUntilSaved(browser);
		assertThat(browser.text(By.id("progress-label"))).as(() -> savedState(browser))
			.isEqualTo(message("assessment.reviewed", locale, 2, 20));

		browser.signOut();
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open(answerPage + "?aspect=investment");
		assertThat(checked(browser, "investment_1")).isEqualTo("investment_1:3");
		assertThat(checked(browser, "investment_2")).isEqualTo("investment_2:2");
		assertThat(browser.find(By.id("comment-investment_1")).getAttribute("value"))
			.isEqualTo("我们有专职团队 / a dedicated team");
		assertThat(browser.find(By.id("target")).getAttribute("value")).isEqualTo("4");

		colleagueBrowser.open("/login?lang=" + language);
		colleagueBrowser.signIn(colleague.username(), TestData.PASSWORD);
		colleagueBrowser.open(answerPage + "?aspect=investment");
		choose(colleagueBrowser, "investment_2", 4);
		waitUntilSaved(colleagueBrowser);

		choose(browser, "investment_2", 1);
		WebElement conflict = browser.waitFor(By.cssSelector("#question-investment_2 [data-role=conflict]"));
		assertThat(conflict.getText()).contains("Test " + colleague.username());
		conflict.findElement(By.cssSelector("[data-role=take-theirs]")).click();
		assertThat(checked(browser, "investment_2")).isEqualTo("investment_2:4");

		for (String aspect : List.of("investment", "adoption", "interfaces", "operations", "measurement")) {
			browser.open(answerPage + "?aspect=" + aspect);
			for (WebElement question : browser.findAll(By.cssSelector("fieldset[data-question]"))) {
				String key = question.getAttribute("data-question");
				if (checked(browser, key) == null) {
					choose(browser, key, aspect.equals("measurement") ? 4 : 2);
				}
			}
			waitUntilSaved(browser);
		}
		assertThat(browser.text(By.id("progress-label"))).isEqualTo(message("assessment.reviewed", locale, 20, 20));

		browser.open("/teams/" + team.slug() + "/assessments/" + quarter.label());
		browser.clickAndLoad(By.cssSelector(".submit-form button"));
		assertThat(browser.text(By.cssSelector(".notice--success")))
			.isEqualTo(message("assessment.submitted.notice", locale));
		assertThat(browser.findAll(By.cssSelector(".results svg[role=img]"))).filteredOn(WebElement::isDisplayed)
			.as("one radar shown: the regular one, or on a phone the one with large texts")
			.hasSize(1);
		assertThat(browser.text(By.cssSelector("#aspect-measurement h2"))).contains("4.00");
		assertThat(browser.findAll(By.cssSelector("#aspect-measurement h3")))
			.noneMatch(h -> h.getText().startsWith(message("results.opportunities", locale, 5, "").substring(0, 4))
					&& h.getText().contains("5"));
		assertThat(browser.text(By.cssSelector("#aspect-adoption")))
			.contains(message("results.opportunities", locale, 3, language.equals("en") ? "Intrinsic pull" : "内部拉力"));
		assertThat(browser.pageText()).contains("我们有专职团队 / a dedicated team");
		assertThat(browser.findAll(By.cssSelector("a.button[href$='/answer']"))).isEmpty();
	}

	@Test
	void aMemberConfirmsCarriedOverAnswersByChoosingThemAgainOrAllOfAnAspectAtOnce(Browser browser) {
		TestData.Team team = data.team("Carried");
		TestData.Person member = data.member(team);
		TestData.Quarter earlier = data.closedQuarter();
		SystemTask.run(() -> loader.load(catalog.currentVersion(),
				List.of(new AssessmentLoader.Loaded(team.id(), earlier.id(), AssessmentStatus.SUBMITTED, member.id(),
						Instant.now(), Map.of("investment_1", 2, "investment_2", 3, "investment_3", 1, "adoption_1", 4),
						Set.of(), Map.of(), Map.of(), Set.of()))));
		TestData.Quarter quarter = data.openQuarter();
		String overview = "/teams/" + team.slug() + "/assessments/" + quarter.label();
		browser.open("/login?lang=en");
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open(overview);
		browser.clickAndLoad(By.cssSelector(".start-form button"));
		assertThat(browser.text(By.id("progress-label"))).isEqualTo("0 of 20 reviewed, 4 carried over");
		browser.script("window.pageMarker = 'still the same page'");

		choose(browser, "investment_2", 3);
		browser
			.waitUntil(driver -> driver.findElements(By.cssSelector("#question-investment_2 [data-role=carried-over]"))
				.isEmpty());
		waitUntilSaved(browser);
		assertThat(browser.text(By.id("progress-label"))).isEqualTo("1 of 20 reviewed, 3 carried over");

		// Where a person sees it: not under the sticky status line at the top of the
		// window.
		browser.script("arguments[0].scrollIntoView({block: 'center'})",
				browser.find(By.cssSelector("button[name='confirm-all']")));
		browser.find(By.cssSelector("button[name='confirm-all']")).click();
		browser.waitUntil(driver -> driver.findElements(By.cssSelector("[data-role=carried-over]")).isEmpty());
		waitUntilSaved(browser);
		assertThat(browser.text(By.id("progress-label"))).isEqualTo("3 of 20 reviewed, 1 carried over");
		assertThat(browser.findAll(By.cssSelector("button[name='confirm-all']"))).isEmpty();
		assertThat(checked(browser, "investment_3")).isEqualTo("investment_3:1");
		assertThat(browser.script("return window.pageMarker")).as("confirmed without loading the page again")
			.isEqualTo("still the same page");
		assertThat(browser.text(By.cssSelector("[data-aspect-link=investment] .aspect-nav__count"))).isEqualTo("3/4");

		browser.open(overview + "/history");
		assertThat(browser.findAll(By.xpath("//td[normalize-space()='Confirmed']"))).hasSize(3);
	}

	private static void choose(Browser browser, String question, int level) {
		WebElement radio = browser.find(By.cssSelector("fieldset[data-question='" + question
				+ "'] input[data-role='option'][value='" + question + ":" + level + "']"));
		radio.findElement(By.xpath("./ancestor::label")).click();
	}

	private static String checked(Browser browser, String question) {
		return browser
			.findAll(By.cssSelector("fieldset[data-question='" + question + "'] input[data-role='option']:checked"))
			.stream()
			.map(radio -> radio.getAttribute("value"))
			.findFirst()
			.orElse(null);
	}

	/**
	 * What the page believes is saved, per question: version, saved option, chosen
	 * option.
	 */
	private static String savedState(Browser browser) {
		return String.valueOf(browser
			.script("""
					return Array.from(document.querySelectorAll('fieldset[data-question]')).map(f => f.dataset.question + '='
					  + f.dataset.version + '/' + f.querySelector('[data-role=original-option]').value + '/'
					  + (f.querySelector('input:checked') || {}).value).join(' ')
					  + ' | ' + document.getElementById('save-state').className"""));
	}

	private static void waitUntilSaved(Browser browser) {
		browser.waitUntil(
				driver -> driver.findElement(By.id("save-state")).getAttribute("class").contains("save-state--saved"));
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
