package dev.platformmaturity.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages in Chromium on a phone (390 px) and a laptop (1366 px): on a phone
 * nothing sticks out of the screen or is cut off, the results table needs no sideways
 * scrolling and the radar's texts are at least 11 px tall; on a laptop the header is one
 * line, in English and Chinese, and starts where the content starts. (The answering
 * page's phone layout has journeys of its own.)
 */
@BrowserTest
class LayoutBrowserTest {

	private static final int PHONE = 390;

	private static final int LAPTOP = 1366;

	/**
	 * What sticks out of the screen or is cut off, as "element: why". An element may be
	 * wider than the screen only inside a region that scrolls sideways and itself fits
	 * the screen (as wide data tables do); the skip link waits off-screen until it is
	 * focused, and visually hidden texts (for screen readers) are 1 px boxes.
	 */
	private static final String PROBLEMS = """
			const width = document.documentElement.clientWidth;
			const problems = [];
			const classes = e => typeof e.className === 'string' && e.className.trim()
			    ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
			const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes(e)
			    + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
			const scrollsSideways = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
			const visuallyHidden = e => {
			  for (let a = e; a && a !== document.body; a = a.parentElement) {
			    const box = a.getBoundingClientRect();
			    if (box.width <= 1 && box.height <= 1 && getComputedStyle(a).overflow !== 'visible') return true;
			  }
			  return false;
			};
			const exempt = e => e.closest('.skip-link') || visuallyHidden(e);
			if (width !== %d) {
			  problems.push('the page is ' + width + ' px wide');
			}
			if (document.documentElement.scrollWidth > width) {
			  problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
			}
			for (const e of document.body.querySelectorAll('*')) {
			  const box = e.getBoundingClientRect();
			  if (box.width === 0 || exempt(e)) continue;
			  let region = e.parentElement;
			  while (region && region !== document.body && !scrollsSideways(region)) region = region.parentElement;
			  const inRegion = region && region !== document.body;
			  if (!inRegion && (box.left < -0.5 || box.right > width + 0.5)) {
			    problems.push(name(e) + ': ' + Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width);
			  }
			  const style = getComputedStyle(e);
			  const clips = ['hidden', 'clip'].includes(style.overflowX) && !(e instanceof SVGElement);
			  const truncatedWithTitle = style.textOverflow === 'ellipsis' && e.closest('[title]');
			  if (clips && e.scrollWidth > e.clientWidth + 1 && !truncatedWithTitle) {
			    problems.push(name(e) + ': cut off, ' + e.scrollWidth + ' wide in ' + e.clientWidth);
			  }
			}
			for (const text of document.querySelectorAll('svg text')) {
			  const chart = text.ownerSVGElement;
			  if (chart.getBoundingClientRect().width === 0) continue;
			  const box = text.getBBox();
			  const view = chart.viewBox.baseVal;
			  if (box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5) {
			    problems.push('chart text "' + text.textContent + '" outside its chart');
			  }
			}
			return problems;
			""";

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	ModelCatalog catalog;

	TestData.Team team;

	TestData.Person member;

	TestData.Person admin;

	TestData.Quarter open;

	@BeforeEach
	void aTeamWithTwoQuartersOfResults() {
		team = data.team("Layout Team With A Rather Long Name");
		member = data.member(team);
		admin = data.person(Role.ADMIN);
		TestData.Quarter closed = data.closedQuarter();
		open = data.openQuarter();
		given.submitted(team, closed, member).levels(levels(2)).targets(Map.of("investment", 3)).load();
		given.submitted(team, open, member)
			.levels(levels(3))
			.targets(Map.of("investment", 4, "adoption", 3, "measurement", 4))
			.comments(Map.of("adoption_1", "Discussed in the retro; the portal pilot helps."))
			.load();
	}

	@Test
	void onAPhoneNothingSticksOutOrIsCutOff(Browser browser) {
		browser.resize(PHONE, 844);
		assertFits(browser, "/", "/model", "/about");

		browser.signIn(member.username(), TestData.PASSWORD);
		browser.resize(PHONE, 844);
		assertFits(browser, "/", "/teams", "/teams/" + team.slug(), results(), results() + "/history", "/account");
		browser.open(results());
		assertThat(browser.script("""
				const table = document.querySelector('.results-table');
				const region = table.closest('.table-scroll');
				return table.getBoundingClientRect().right <= document.documentElement.clientWidth
				    && region.scrollWidth <= region.clientWidth;"""))
			.as("the results table needs no sideways scrolling: every row shows the target and the previous quarter")
			.isEqualTo(true);
		assertThat(browser.findAll(By.cssSelector(".results-table td[data-label]"))
			.stream()
			.filter(cell -> cell.isDisplayed())
			.map(cell -> cell.getDomAttribute("data-label"))
			.distinct()
			.toList()).contains("Target").anyMatch(label -> label.startsWith("Previous quarter"));

		browser.signOut();
		browser.signIn(admin.username(), TestData.PASSWORD);
		browser.resize(PHONE, 844);
		assertFits(browser, "/", "/admin", "/admin/quarters", "/admin/people", "/admin/groups", "/admin/teams",
				"/admin/teams/" + team.slug(), "/admin/import", "/dashboard",
				"/dashboard/compare?team=" + team.slug() + "&team=" + data.team("Layout Other").slug(),
				"/dashboard/trends?team=" + team.slug(), "/teams/" + team.slug());
		browser.open("/?lang=zh-CN");
		assertFits(browser, "/", "/teams/" + team.slug(), results(), "/admin/quarters", "/dashboard");
	}

	@Test
	void onAPhoneTheRadarsTextsAreAtLeast11PxTall(Browser browser) {
		browser.signIn(member.username(), TestData.PASSWORD);
		for (String language : List.of("en", "zh-CN")) {
			assertRadarReadableOnAPhone(browser, results() + "?lang=" + language, language);
		}
	}

	@Test
	void onAPhoneTheComparedTeamsRadarTextsAreAtLeast11PxTall(Browser browser) {
		browser.signIn(admin.username(), TestData.PASSWORD);
		String compare = "/dashboard/compare?team=" + team.slug() + "&team=" + data.team("Layout Compared").slug();
		for (String language : List.of("en", "zh-CN")) {
			assertRadarReadableOnAPhone(browser, compare + "&lang=" + language, language);
		}
	}

	/**
	 * On a phone one radar is shown, its smallest text at least 11 px; on a laptop the
	 * regular one.
	 */
	private static void assertRadarReadableOnAPhone(Browser browser, String path, String language) {
		browser.resize(PHONE, 844);
		browser.open(path);
		@SuppressWarnings("unchecked")
		Map<String, Object> texts = (Map<String, Object>) browser.script("""
				const shown = [...document.querySelectorAll('.chart--regular svg, .chart--large-text svg')]
				    .filter(svg => svg.getBoundingClientRect().width > 0);
				const sizes = shown.flatMap(svg => [...svg.querySelectorAll('text')])
				    .map(text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
				return { charts: shown.length, texts: sizes.length, smallest: Math.min(...sizes),
				         width: shown.length ? shown[0].getBoundingClientRect().width : 0 };""");
		assertThat(texts.get("charts")).as(language + ": one radar shown").isEqualTo(1L);
		assertThat(((Number) texts.get("texts")).intValue()).as(language).isGreaterThan(10);
		assertThat(((Number) texts.get("smallest")).doubleValue())
			.as("%s: the smallest text in px, on a radar %s px wide", language, texts.get("width"))
			.isGreaterThanOrEqualTo(11);

		browser.resize(LAPTOP, 900);
		browser.open(path);
		assertThat(browser.findAll(By.cssSelector(".chart--regular svg, .chart--large-text svg"))
			.stream()
			.filter(svg -> svg.isDisplayed())
			.map(svg -> svg.getDomAttribute("aria-labelledby"))
			.toList()).as("on a laptop the regular radar").singleElement().asString().doesNotContain("-large");
	}

	@Test
	void onALaptopTheHeaderIsOneLineAndStartsWhereTheContentStarts(Browser browser) {
		browser.signIn(admin.username(), TestData.PASSWORD);
		browser.resize(LAPTOP, 900);
		for (String language : List.of("en", "zh-CN")) {
			for (String path : List.of("/", "/model", "/teams/" + team.slug(), results(), "/admin", "/admin/quarters",
					"/dashboard", "/account")) {
				browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
				@SuppressWarnings("unchecked")
				Map<String, Object> header = (Map<String, Object>) browser.script("""
						const inner = document.querySelector('.site-header__inner');
						const parts = [...inner.children].map(part => part.getBoundingClientRect());
						const contentLeft = e => e.getBoundingClientRect().left
						    + parseFloat(getComputedStyle(e).paddingLeft);
						const oneLine = Math.max(...parts.map(p => p.top)) < Math.min(...parts.map(p => p.bottom));
						return { lines: oneLine ? 1 : 2,
						         header: contentLeft(inner), main: contentLeft(document.querySelector('main')),
						         footer: contentLeft(document.querySelector('.site-footer p')) };""");
				String where = language + " " + path;
				assertThat(header.get("lines")).as(where + ": the header's parts on one line").isEqualTo(1L);
				assertThat(((Number) header.get("main")).doubleValue())
					.as(where + ": the content starts under the header's start")
					.isEqualTo(((Number) header.get("header")).doubleValue());
				assertThat(((Number) header.get("footer")).doubleValue()).as(where + ": so does the footer")
					.isEqualTo(((Number) header.get("header")).doubleValue());
			}
		}
		browser.openAccountMenu();
		assertThat(browser.find(By.cssSelector(".account-menu a[href='/admin']")).isDisplayed())
			.as("administration is in the person's menu")
			.isTrue();
		assertThat(browser.findAll(By.cssSelector(".site-nav a[href='/admin']"))).isEmpty();
	}

	@Test
	void theFiveAspectsStandInOneRowOnALaptopInTwoCentredRowsOnATabletAndInOneColumnOnAPhone(Browser browser) {
		browser.resize(LAPTOP, 900);
		browser.open("/?lang=en");
		List<Map<String, Number>> cards = cardBoxes(browser);
		assertThat(cards).hasSize(5);
		assertThat(cards).extracting(card -> card.get("top").intValue())
			.containsOnly(cards.get(0).get("top").intValue());

		browser.resize(1000, 900);
		browser.open("/?lang=en");
		cards = cardBoxes(browser);
		assertThat(cards.subList(0, 3)).extracting(card -> card.get("top").intValue())
			.containsOnly(cards.get(0).get("top").intValue());
		assertThat(cards.subList(3, 5)).extracting(card -> card.get("top").intValue())
			.containsOnly(cards.get(3).get("top").intValue())
			.doesNotContain(cards.get(0).get("top").intValue());
		double rowCentre = (cards.get(0).get("left").doubleValue() + cards.get(2).get("right").doubleValue()) / 2;
		double lastRowCentre = (cards.get(3).get("left").doubleValue() + cards.get(4).get("right").doubleValue()) / 2;
		assertThat(lastRowCentre).as("the last two are centred under the first three")
			.isCloseTo(rowCentre, org.assertj.core.data.Offset.offset(1.0));

		browser.resize(PHONE, 844);
		browser.open("/?lang=en");
		assertThat(cardBoxes(browser)).extracting(card -> card.get("left").intValue())
			.containsOnly(cardBoxes(browser).get(0).get("left").intValue());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Number>> cardBoxes(Browser browser) {
		return (List<Map<String, Number>>) browser.script("""
				return [...document.querySelectorAll('.aspect-card')].map(card => {
				  const box = card.getBoundingClientRect();
				  return { top: box.top, left: box.left, right: box.right };
				});""");
	}

	private static void assertFits(Browser browser, String... paths) {
		for (String path : paths) {
			browser.open(path);
			@SuppressWarnings("unchecked")
			List<String> problems = (List<String>) browser.script(PROBLEMS.formatted(PHONE));
			assertThat(problems).as("%s at %d px", path, PHONE).isEmpty();
		}
	}

	private String results() {
		return "/teams/" + team.slug() + "/assessments/" + open.label();
	}

	private Map<String, Integer> levels(int level) {
		Map<String, Integer> levels = new HashMap<>();
		catalog.current()
			.aspects()
			.forEach(aspect -> aspect.questions().forEach(question -> levels.put(question.id(), level)));
		return levels;
	}

}
