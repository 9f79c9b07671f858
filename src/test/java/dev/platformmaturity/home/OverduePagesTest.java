package dev.platformmaturity.home;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After the open quarter's due date, a team that has not submitted is shown as overdue on
 * the member's home page, the team page and the results page; on the due date itself, and
 * for a team that submitted, nothing is overdue. The home module with the modules it
 * needs, and a clock of its own that the tests move.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestData.class, TestAssessments.class, MovableClock.class })
class OverduePagesTest {

	private static final String OVERDUE_PILL = "status-pill--overdue";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	TestData.Quarter open;

	LocalDate due;

	TestData.Team notStarted;

	TestData.Team inProgress;

	TestData.Team submitted;

	TestData.Person member;

	@BeforeEach
	void threeTeamsOfOneMember() {
		open = data.openQuarter();
		due = jdbc.sql("select due_on from quarter where id = ?").param(open.id()).query(LocalDate.class).single();
		notStarted = data.team("Overdue idle");
		inProgress = data.team("Overdue busy");
		submitted = data.team("Overdue done");
		member = data.member(notStarted, inProgress, submitted);
		given.inProgress(inProgress, open, member).levels(Map.of("investment_1", 2)).load();
		given.submitted(submitted, open, member).levels(Map.of("investment_1", 3)).load();
	}

	@AfterEach
	void timeGoesOn() {
		clock.reset();
	}

	@Test
	void onTheDueDateNothingIsOverdue() throws Exception {
		clock.moveTo(due);

		String home = page("/", "en");
		assertThat(home).doesNotContain(OVERDUE_PILL).contains("is open for answers until " + due);
		assertThat(page("/teams/" + notStarted.slug(), "en")).doesNotContain(OVERDUE_PILL);
		assertThat(page(results(inProgress), "en")).doesNotContain(OVERDUE_PILL);
	}

	@Test
	void theDayAfterTeamsThatHaveNotSubmittedAreOverdue() throws Exception {
		clock.moveTo(due.plusDays(1));

		String home = page("/", "en");
		assertThat(home).contains("The quarter " + open.label() + " was due on " + due
				+ "; answers are still accepted until it is closed.");
		assertThat(occurrences(home, OVERDUE_PILL)).as("the two teams that have not submitted").isEqualTo(2);
		assertThat(teamLine(home, notStarted)).contains(OVERDUE_PILL, ">Overdue<");
		assertThat(teamLine(home, inProgress)).contains(OVERDUE_PILL);
		assertThat(teamLine(home, submitted)).doesNotContain(OVERDUE_PILL);

		assertThat(page("/teams/" + notStarted.slug(), "en")).contains(OVERDUE_PILL);
		assertThat(page("/teams/" + submitted.slug(), "en")).doesNotContain(OVERDUE_PILL);
		assertThat(page(results(inProgress), "zh-CN")).contains(OVERDUE_PILL, "已逾期", "截止日期为 " + due);
		assertThat(page(results(notStarted), "en")).contains(OVERDUE_PILL, "The due date was " + due);
		assertThat(page(results(submitted), "en")).doesNotContain(OVERDUE_PILL);
	}

	@Test
	void aClosedQuarterIsNeverOverdue() throws Exception {
		TestData.Quarter closed = data.closedQuarter();
		clock.moveTo(LocalDate.of(2100, 1, 1));

		assertThat(page("/teams/" + notStarted.slug() + "/assessments/" + closed.label(), "en"))
			.doesNotContain(OVERDUE_PILL);
		assertThat(page("/teams/" + notStarted.slug(), "en")).containsOnlyOnce(OVERDUE_PILL);
	}

	private String results(TestData.Team team) {
		return "/teams/" + team.slug() + "/assessments/" + open.label();
	}

	private String page(String path, String language) throws Exception {
		return mvc.perform(get(path).with(asMember()).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The home page's list item of the team. */
	private static String teamLine(String home, TestData.Team team) {
		int start = home.indexOf("href=\"/teams/" + team.slug() + "\"");
		return home.substring(start, home.indexOf("</li>", start));
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

}
