package dev.platformmaturity.assessment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answering page in Chromium when things go wrong and on a phone: signed out while
 * answering, the server answering 503 for a while, a comment the server refuses, moving
 * between aspects without loading a page (also when the server does not serve one),
 * leaving while a save runs, the page without script, and the page at 390 pixels.
 */
@BrowserTest
@Import(FaultyRequests.Registration.class)
class AnsweringPageBrowserTest {

	private static final String SAVES = "/answers/";

	@Autowired
	TestData data;

	@Autowired
	Assessments assessments;

	@Autowired
	FaultyRequests faults;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter quarter;

	@BeforeEach
	void startedAssessment() {
		team = data.team("Answering");
		member = data.member(team);
		quarter = data.openQuarter();
		SystemTask.run(() -> assessments.start(team.slug(), quarter.label(), member.id()));
		faults.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void signedOutInAnotherTabTheChangeIsKeptAndSavedOnceSignedInAgainThere(String language, Browser browser) {
		data.prefer(member, language);
		signInAndOpen(browser, "investment");
		String answering = browser.driver().getWindowHandle();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open("/");
		browser.signOut();
		browser.driver().switchTo().window(answering);

		choose(browser, "investment_1", 3);
		browser.waitFor(By.id("signed-out"));
		assertThat(browser.text(By.id("signed-out"))).isEqualTo(language.equals("en")
				? "You were signed out; sign in again; your changes are kept and are saved once you are back. "
						+ "Sign in again"
				: "您已退出登录；请重新登录。您的修改会被保留，并在您登录后保存。 重新登录");
		assertThat(browser.find(By.id("save-state")).getAttribute("class")).contains("save-state--offline");
		assertThat(kept(browser)).contains("investment_1:3");
		int saves = faults.count("PUT", SAVES);
		pause(Duration.ofSeconds(3));
		assertThat(faults.count("PUT", SAVES)).as("no retries while signed out").isEqualTo(saves);

		browser.driver()
			.switchTo()
			.window(browser.driver()
				.getWindowHandles()
				.stream()
				.filter(handle -> !handle.equals(answering))
				.findFirst()
				.orElseThrow());
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.driver().switchTo().window(answering);
		browser.find(By.id("comment-investment_1")).sendKeys("typed after signing in elsewhere");
		waitUntilSaved(browser);

		assertThat(browser.find(By.id("signed-out")).isDisplayed()).isFalse();
		AnswerState saved = answer("investment_1");
		assertThat(saved.level()).isEqualTo(3);
		assertThat(saved.comment()).isEqualTo("typed after signing in elsewhere");
		assertThat(kept(browser)).isEqualTo("{}");
	}

	@Test
	void signedOutTheLinkSignsInAndComesBackToThePageWhichSavesWhatWasKept(Browser browser) {
		signInAndOpen(browser, "adoption");
		String answering = browser.driver().getWindowHandle();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open("/");
		browser.signOut();
		browser.driver().close();
		browser.driver().switchTo().window(answering);

		choose(browser, "adoption_2", 4);
		browser.find(By.id("comment-adoption_2")).sendKeys("kept while signed out");
		browser.waitFor(By.id("signed-out"));
		browser.find(By.cssSelector("#signed-out [data-role=sign-in]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/login"));
		browser.find(By.id("username")).sendKeys(member.username());
		browser.find(By.id("password")).sendKeys(TestData.PASSWORD);
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/answer?aspect=adoption"));
		waitUntilSaved(browser);

		assertThat(answer("adoption_2").level()).isEqualTo(4);
		assertThat(answer("adoption_2").comment()).isEqualTo("kept while signed out");
		assertThat(browser.find(By.id("comment-adoption_2")).getAttribute("value")).isEqualTo("kept while signed out");
		assertThat(kept(browser)).isEqualTo("{}");
	}

	@Test
	void aSecurityTokenOfAnEarlierSessionIsRenewedOnceAndTheSaveGoesThrough(Browser browser) {
		signInAndOpen(browser, "interfaces");
		String answering = browser.driver().getWindowHandle();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open("/");
		browser.signOut();
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.driver().close();
		browser.driver().switchTo().window(answering);

		choose(browser, "interfaces_2", 3);
		waitUntilSaved(browser);

		assertThat(faults.count("PUT", SAVES)).as("refused with the old token, then saved with a fresh one")
			.isEqualTo(2);
		assertThat(answer("interfaces_2").level()).isEqualTo(3);
		assertThat(browser.find(By.id("signed-out")).isDisplayed()).isFalse();
	}

	@Test
	void aSaveAnswered503IsKeptAndRetriedUntilItIsSaved(Browser browser) {
		signInAndOpen(browser, "investment");
		faults.failNext(2, "PUT", SAVES, 503);

		choose(browser, "investment_4", 2);
		browser.waitUntil(driver -> driver.findElement(By.id("save-state"))
			.getAttribute("class")
			.contains("save-state--unavailable"));
		assertThat(browser.text(By.id("save-state")))
			.isEqualTo("Not saved yet: the server is briefly unavailable; trying again. Your changes are kept.");
		assertThat(kept(browser)).contains("investment_4:2");
		waitUntilSaved(browser);

		assertThat(faults.count("PUT", SAVES)).as("two refused, the third saved").isEqualTo(3);
		assertThat(answer("investment_4").level()).isEqualTo(2);
		assertThat(kept(browser)).isEqualTo("{}");
	}

	@Test
	void aChangeKeptFromAnEarlierVisitIsSavedWhenThePageOpens(Browser browser) {
		signInAndOpen(browser, "measurement");
		browser.script(
				"localStorage.setItem('platform-maturity:pending:' + arguments[0], " + "JSON.stringify(arguments[1]))",
				"/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label(),
				Map.of("operations_3", Map.of("option", "operations_3:4", "notApplicable", false, "comment",
						"from last time", "version", 0)));

		browser.open(answerPage("measurement"));
		waitUntilSaved(browser);

		assertThat(answer("operations_3").level()).isEqualTo(4);
		assertThat(answer("operations_3").comment()).isEqualTo("from last time");
		assertThat(browser.text(By.id("progress-label"))).isEqualTo("1 of 20 reviewed");
		assertThat(browser.text(By.cssSelector("[data-aspect-link=operations] .aspect-nav__count"))).isEqualTo("1/4");
	}

	@Test
	void aCommentTheServerRefusesIsShownBesideItsQuestionKeptAndNotSentAgainUntilItChanges(Browser browser) {
		signInAndOpen(browser, "investment");
		// 1,999 letters and an emoji: 2,000 characters as the server counts them, 2,001
		// UTF-16 units.
		typeComment(browser, "investment_1", "a".repeat(1999) + "\uD83D\uDE00");
		assertThat(browser.text(By.id("comment-count-investment_1"))).isEqualTo("2,000 of 2,000 characters");
		waitUntilSaved(browser);
		assertThat(answer("investment_1").comment()).hasSize(2001).endsWith("\uD83D\uDE00");

		typeComment(browser, "investment_1", "b".repeat(2001));
		WebElement problem = browser.waitFor(By.cssSelector("#question-investment_1 [data-role=problem]"));
		assertThat(problem.getText()).isEqualTo("The text can have at most 2,000 characters; it has 2,001.");
		assertThat(browser.text(By.id("comment-count-investment_1"))).isEqualTo("2,001 of 2,000 characters");
		int saves = faults.count("PUT", SAVES);
		pause(Duration.ofSeconds(3));
		assertThat(faults.count("PUT", SAVES)).as("a refused change is not sent again by itself").isEqualTo(saves);
		assertThat(browser.find(By.id("comment-investment_1")).getAttribute("value")).hasSize(2001);
		assertThat(browser.find(By.id("save-state")).getAttribute("class")).contains("save-state--held");

		browser.find(By.id("comment-investment_1")).sendKeys("\b");
		waitUntilSaved(browser);
		assertThat(problem.isDisplayed()).isFalse();
		assertThat(answer("investment_1").comment()).isEqualTo("b".repeat(2000));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theCommentCounterFormatsNumbersAsTheServerDoesAndCountsAnEmojiAsOne(String language, Browser browser) {
		data.prefer(member, language);
		signInAndOpen(browser, "interfaces");
		String empty = browser.text(By.id("comment-count-interfaces_1"));

		typeComment(browser, "interfaces_1", "团队 \uD83D\uDE80 ok");

		assertThat(empty).isEqualTo(language.equals("en") ? "0 of 2,000 characters" : "0 / 2,000 个字符");
		assertThat(browser.text(By.id("comment-count-interfaces_1")))
			.isEqualTo(language.equals("en") ? "7 of 2,000 characters" : "7 / 2,000 个字符");
	}

	@Test
	void movingBetweenAspectsLoadsNoPageAndBackAndForwardWork(Browser browser) {
		signInAndOpen(browser, "investment");
		browser.script("window.pageMarker = 'still the same page'");

		browser.find(By.cssSelector("[data-aspect-link=adoption]")).click();
		shown(browser, "adoption");
		assertThat(browser.currentPath()).endsWith("/answer?aspect=adoption");
		assertThat(browser.driver().getTitle()).startsWith("Adoption: ");
		assertThat(browser.script("return document.activeElement.id")).as("the heading is announced")
			.isEqualTo("aspect-heading");
		assertThat(browser.find(By.cssSelector("[data-aspect-link=adoption]")).getAttribute("aria-current"))
			.isEqualTo("page");
		choose(browser, "adoption_1", 2);
		waitUntilSaved(browser);
		assertThat(browser.text(By.id("progress-label"))).isEqualTo("1 of 20 reviewed");
		assertThat(browser.text(By.cssSelector("[data-aspect-link=adoption] .aspect-nav__count"))).isEqualTo("1/4");

		browser.driver().navigate().back();
		shown(browser, "investment");
		assertThat(browser.currentPath()).endsWith("/answer?aspect=investment");
		browser.driver().navigate().forward();
		shown(browser, "adoption");
		assertThat(checked(browser, "adoption_1")).isEqualTo("adoption_1:2");

		browser.find(By.cssSelector("button[name=go][value=interfaces]")).click();
		shown(browser, "interfaces");
		assertThat(browser.script("return window.pageMarker")).as("no page was loaded")
			.isEqualTo("still the same page");
		assertThat(answer("adoption_1").level()).isEqualTo(2);
	}

	@Test
	void anAspectTheServerDoesNotServeKeepsTheAspectOnScreenWithANoteAndOpensOnTheNextClick(Browser browser) {
		signInAndOpen(browser, "investment");
		browser.waitUntil(driver -> faults.count("GET", "/answer") == 2);
		browser.script("window.pageMarker = 'still the same page'");
		faults.failNext(1, "GET", "/answer", 503);

		browser.find(By.cssSelector("[data-aspect-link=measurement]")).click();
		browser.waitFor(By.id("not-opened"));

		assertThat(browser.text(By.id("not-opened"))).isEqualTo("The aspect could not be opened: the server did "
				+ "not answer. Your changes are kept; try again in a moment.");
		assertThat(browser.find(By.id("aspect-panel")).getAttribute("data-aspect")).isEqualTo("investment");
		assertThat(browser.currentPath()).endsWith("/answer?aspect=investment");
		choose(browser, "investment_3", 2);
		waitUntilSaved(browser);
		browser.script("window.scrollTo(0, 0)");
		browser.find(By.cssSelector("[data-aspect-link=measurement]")).click();
		shown(browser, "measurement");
		assertThat(browser.find(By.id("not-opened")).isDisplayed()).isFalse();
		assertThat(browser.script("return window.pageMarker")).as("no page was loaded")
			.isEqualTo("still the same page");
		assertThat(answer("investment_3").level()).isEqualTo(2);
	}

	@Test
	void leavingWaitsForTheSaveThatIsStillRunning(Browser browser) {
		signInAndOpen(browser, "measurement");
		faults.delayNext("PUT", SAVES, Duration.ofMillis(1500));

		choose(browser, "measurement_2", 3);
		browser.find(By.cssSelector("a[data-role=leave]")).click();
		browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/assessments/" + quarter.label()));

		assertThat(browser.pageText()).contains("1 of 20 reviewed");
		assertThat(answer("measurement_2").level()).isEqualTo(3);
	}

	@Test
	void withoutScriptTheFormSavesAndItsConflictButtonsUseMineOrTakeTheirs(Browser browser) {
		TestData.Person colleague = data.member(team);
		browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		signInAndOpen(browser, "investment");
		assertThat(browser.find(By.cssSelector(".aspect-select button")).isDisplayed()).as("the select's own button")
			.isFalse();

		choose(browser, "investment_1", 2);
		browser.find(By.id("comment-investment_1")).sendKeys("without script");
		browser.clickAndLoad(By.cssSelector("button[name=go][value=adoption]"));
		assertThat(browser.currentPath()).endsWith("/answer?aspect=adoption");
		assertThat(answer("investment_1").comment()).isEqualTo("without script");

		browser.open(answerPage("investment"));
		colleagueSaves(colleague, "investment_1", 4, 1);
		colleagueSaves(colleague, "investment_2", 4, 0);
		choose(browser, "investment_1", 1);
		choose(browser, "investment_2", 1);
		browser.clickAndLoad(By.cssSelector(".form-actions button.primary"));
		assertThat(browser.findAll(By.cssSelector("[data-role=conflict]"))).hasSize(2);
		assertThat(browser.text(By.cssSelector("#question-investment_1 [data-role=conflict]")))
			.contains("Test " + colleague.username() + " saved another answer meanwhile: 4 · Full specialist team");

		browser.clickAndLoad(By.cssSelector("#question-investment_1 [data-role=keep-mine]"));
		assertThat(answer("investment_1").level()).as("mine").isEqualTo(1);
		assertThat(answer("investment_2").level()).as("the other conflict is still shown, not saved").isEqualTo(4);
		assertThat(browser.findAll(By.cssSelector("[data-role=conflict]"))).hasSize(1);
		browser.clickAndLoad(By.cssSelector("#question-investment_2 [data-role=take-theirs]"));
		assertThat(answer("investment_2").level()).as("theirs").isEqualTo(4);
		assertThat(checked(browser, "investment_2")).isEqualTo("investment_2:4");
		assertThat(browser.findAll(By.cssSelector("[data-role=conflict]"))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void at390PixelsTheStatusIsOneLineTheAspectsAreASelectAndNothingIsWiderThanTheScreen(String language,
			Browser browser) {
		data.prefer(member, language);
		browser.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		signInAndOpen(browser, "investment");
		choose(browser, "investment_1", 3);
		waitUntilSaved(browser);

		assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
		assertThat(tooWide(browser)).as("elements wider than the screen").isEmpty();
		assertThat(oneLine(browser, "progress-label")).isTrue();
		assertThat(oneLine(browser, "save-state")).isTrue();
		assertThat(browser.script("""
				const status = document.getElementById('answer-status').getBoundingClientRect();
				const line = parseFloat(getComputedStyle(document.getElementById('progress-label')).lineHeight);
				return status.height < 2 * line""")).as("the sticky status is one line high").isEqualTo(true);
		assertThat(browser.find(By.cssSelector(".aspect-nav ol")).isDisplayed()).isFalse();
		assertThat(browser.find(By.id("aspect-select")).isDisplayed()).isTrue();

		browser.script("window.scrollTo(0, document.body.scrollHeight)");
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("aspect-select"))).selectByValue("operations");
		shown(browser, "operations");
		assertThat(belowTheStatus(browser, "aspect-heading")).as("the aspect's heading, scrolled to").isTrue();
		browser.script("window.scrollTo(0, document.body.scrollHeight / 2)");
		assertThat(browser.script("return document.getElementById('answer-status').getBoundingClientRect().top"))
			.as("the status stays at the top")
			.isIn(0L, 0.0);
		assertThat(tooWide(browser)).as("elements wider than the screen").isEmpty();
		browser.script("""
				const field = document.getElementById('comment-operations_3');
				window.scrollBy(0, field.getBoundingClientRect().top - 4);
				field.focus();""");
		assertThat(belowTheStatus(browser, "comment-operations_3")).as("a field focused under the status").isTrue();
	}

	private void signInAndOpen(Browser browser, String aspect) {
		browser.open("/login");
		browser.signIn(member.username(), TestData.PASSWORD);
		browser.open(answerPage(aspect));
	}

	private String answerPage(String aspect) {
		return "/teams/" + team.slug() + "/assessments/" + quarter.label() + "/answer?aspect=" + aspect;
	}

	private AnswerState answer(String question) {
		return SystemTask.run(() -> assessments.state(team.slug(), quarter.label())).answers().get(question);
	}

	private void colleagueSaves(TestData.Person colleague, String question, int level, long version) {
		SystemTask.run(() -> assessments.saveAnswer(team.slug(), quarter.label(), question,
				new AnswerChange(question + ":" + level, false, null, version), colleague.id()));
	}

	private static void choose(Browser browser, String question, int level) {
		browser.find(By.cssSelector("input[value='" + question + ":" + level + "']"))
			.findElement(By.xpath("./ancestor::label"))
			.click();
	}

	/**
	 * Sets a comment as typing would (ChromeDriver cannot type characters outside the
	 * Basic Multilingual Plane).
	 */
	private static void typeComment(Browser browser, String question, String text) {
		browser.script("""
				const area = document.getElementById('comment-' + arguments[0]);
				area.value = arguments[1];
				area.dispatchEvent(new Event('input', { bubbles: true }));""", question, text);
	}

	private static String checked(Browser browser, String question) {
		return browser.findAll(By.cssSelector("input[name='question[" + question + "].option']:checked"))
			.stream()
			.map(radio -> radio.getAttribute("value"))
			.findFirst()
			.orElse(null);
	}

	private static String kept(Browser browser) {
		return String.valueOf(browser.script("""
				const kept = Object.keys(localStorage).filter(key => key.startsWith('platform-maturity:pending:'));
				return kept.length ? localStorage.getItem(kept[0]) : '{}'"""));
	}

	private static void shown(Browser browser, String aspect) {
		browser.waitUntil(
				driver -> driver.findElements(By.cssSelector("#aspect-panel[data-aspect='" + aspect + "']")).size() == 1
						&& driver.findElements(By.cssSelector("#aspect-panel[aria-busy]")).isEmpty());
	}

	private static void waitUntilSaved(Browser browser) {
		browser.waitUntil(
				driver -> driver.findElement(By.id("save-state")).getAttribute("class").contains("save-state--saved"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> tooWide(Browser browser) {
		return (List<String>) browser.script("""
				const width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(element => element.getClientRects().length > 0)
				  .filter(element => element.getBoundingClientRect().right > width + 0.5
				    && !element.closest('.visually-hidden'))
				  .map(element => element.tagName + '.' + element.className + ' '
				    + element.getBoundingClientRect().right)""");
	}

	/** Whether the element's top is visible below the sticky status. */
	private static boolean belowTheStatus(Browser browser, String id) {
		return (Boolean) browser.script("""
				const status = document.getElementById('answer-status').getBoundingClientRect();
				const top = document.getElementById(arguments[0]).getBoundingClientRect().top;
				return top >= status.bottom - 0.5 && top < window.innerHeight""", id);
	}

	private static boolean oneLine(Browser browser, String id) {
		return (Boolean) browser.script("""
				const element = document.getElementById(arguments[0]);
				return element.getClientRects().length === 1
				  && element.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(element).lineHeight)""",
				id);
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
