package dev.platformmaturity.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The answering, results and history pages, without script (the Save button path). */
@IntegrationTest
class AssessmentPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Assessments assessments;

	@Autowired
	TestAssessments given;

	@Autowired
	MovableClock clock;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter open;

	@BeforeEach
	void teamWithAnOpenQuarter() {
		team = data.team("Pages");
		member = data.member(team);
		open = data.openQuarter();
	}

	@Test
	void theAnsweringPageIsAnAccessibleFormPerAspect() throws Exception {
		start();
		String page = html(mvc.perform(get(path("/answer?aspect=adoption")).with(asMember()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page).contains("<legend>", "Why and how do users discover and use internal platforms",
				"How do platform users discover its capabilities?", "By accident",
				"Users stumble across new capabilities", "Not applicable / don't know",
				"The model's four levels of Adoption", "Level 3: Scalable — Intrinsic pull",
				"Target level for Adoption", "0 of 20 reviewed");
		assertThat(page).as("the script under its content-hashed URL")
			.containsPattern("/js/assessment-[0-9a-f]{32}\\.js");
		assertThat(page).containsPattern("<label for=\"comment-adoption_1\">Comment \\(optional\\)</label>");
		assertThat(page).containsPattern("aria-current=\"page\"[^>]*>\\s*<span>Adoption</span>");
		assertThat(jdbc
			.sql("select count(*) from answer an join assessment a on a.id = an.assessment_id where a.team_id = ?")
			.param(team.id())
			.query(Long.class)
			.single()).isEqualTo(20);
	}

	@Test
	void theSaveButtonSavesWhatChangedAndGoesOn() throws Exception {
		start();

		mvc.perform(post(path("/answer")).with(asMember())
			.with(csrf())
			.param("aspect", "investment")
			.param("go", "adoption")
			.param("question[investment_1].option", "investment_1:3")
			.param("question[investment_1].version", "0")
			.param("question[investment_1].originalOption", "")
			.param("question[investment_1].comment", "Mostly a product team")
			.param("question[investment_1].originalComment", "")
			.param("question[investment_2].option", "na")
			.param("question[investment_2].version", "0")
			.param("question[investment_2].originalOption", "")
			.param("target", "4")
			.param("target-version", "0")
			.param("original-target", "")).andExpect(redirectedUrl(path("/answer?aspect=adoption")));

		AssessmentSnapshot state = SystemTask.run(() -> assessments.state(team.slug(), open.label()));
		assertThat(state.answers().get("investment_1").level()).isEqualTo(3);
		assertThat(state.answers().get("investment_1").comment()).isEqualTo("Mostly a product team");
		assertThat(state.answers().get("investment_2").notApplicable()).isTrue();
		assertThat(state.answers().get("investment_3").version()).as("untouched questions are not saved").isZero();
		assertThat(state.target("investment")).contains(4);
	}

	@Test
	void aStaleSaveShowsTheOtherAnswerAndKeepsWhatThePersonChose() throws Exception {
		start();
		TestData.Person colleague = data.member(team);
		mvc.perform(post(path("/answer")).with(user(data.principal(colleague)))
			.with(csrf())
			.param("aspect", "investment")
			.param("question[investment_1].option", "investment_1:4")
			.param("question[investment_1].version", "0")
			.param("question[investment_1].originalOption", ""));

		String page = html(mvc
			.perform(post(path("/answer")).with(asMember())
				.with(csrf())
				.param("aspect", "investment")
				.param("question[investment_1].option", "investment_1:1")
				.param("question[investment_1].comment", "My reasons")
				.param("question[investment_1].version", "0")
				.param("question[investment_1].originalOption", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page).contains(
				"Test " + colleague.username() + " saved another answer meanwhile: 4 · Full specialist team or group.",
				"Your choice is kept below", "My reasons");
		assertThat(page).containsPattern("value=\"investment_1:1\"[^>]*checked");
		assertThat(SystemTask.run(() -> assessments.state(team.slug(), open.label()))
			.answers()
			.get("investment_1")
			.level()).isEqualTo(4);
	}

	@Test
	void confirmingACarriedOverAnswerKeepsItAndRemovesTheMark() throws Exception {
		TestData.Quarter earlier = data.closedQuarter();
		given.submitted(team, earlier, member).levels(Map.of("operations_2", 2)).load();
		start();
		String page = html(mvc.perform(get(path("/answer?aspect=operations")).with(asMember()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page).contains("Carried over from the team's previous assessment");

		mvc.perform(post(path("/answer")).with(asMember())
			.with(csrf())
			.param("aspect", "operations")
			.param("confirm", "operations_2")
			.param("question[operations_2].option", "operations_2:2")
			.param("question[operations_2].version", "0")
			.param("question[operations_2].originalOption", "operations_2:2"));

		AnswerState answer = SystemTask.run(() -> assessments.state(team.slug(), open.label()))
			.answers()
			.get("operations_2");
		assertThat(answer.level()).isEqualTo(2);
		assertThat(answer.carriedOver()).isFalse();
	}

	@Test
	void theResultsShowScoresLevelsOpportunitiesCommentsAndTheRadar() throws Exception {
		start();
		mvc.perform(post(path("/answer")).with(asMember())
			.with(csrf())
			.param("aspect", "investment")
			.param("question[investment_1].option", "investment_1:2")
			.param("question[investment_1].version", "0")
			.param("question[investment_1].originalOption", "")
			.param("question[investment_2].option", "investment_2:3")
			.param("question[investment_2].version", "0")
			.param("question[investment_2].originalOption", "")
			.param("question[investment_2].comment", "We plan a roadmap <soon>")
			.param("question[investment_2].originalComment", ""));

		String page = html(mvc.perform(get(path("")).with(asMember()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page).contains("<svg", "role=\"img\"", "2.50", "Level 2: Operational — Dedicated team",
				"Opportunities: level 3, As product",
				"Platform teams staff roles not traditionally found in internal serving or technical teams",
				"We plan a roadmap <soon>", "No score");
		mvc.perform(get(path("")).with(asMember()))
			.andExpect(content().string(not(containsString("We plan a roadmap <soon>"))))
			.andExpect(content().string(containsString("We plan a roadmap &lt;soon&gt;")));
	}

	@Test
	void theHistoryTabListsEveryChangeWithWhoAndOldAndNew() throws Exception {
		start();
		TestData.Person colleague = data.member(team);
		mvc.perform(post(path("/answer")).with(asMember())
			.with(csrf())
			.param("aspect", "investment")
			.param("question[investment_1].option", "investment_1:2")
			.param("question[investment_1].version", "0")
			.param("question[investment_1].originalOption", ""));
		mvc.perform(post(path("/answer")).with(user(data.principal(colleague)))
			.with(csrf())
			.param("aspect", "investment")
			.param("question[investment_1].option", "investment_1:3")
			.param("question[investment_1].version", "1")
			.param("question[investment_1].originalOption", "investment_1:2"));

		String page = html(mvc.perform(get(path("/history")).with(asMember()).header("Accept-Language", "zh-CN"))
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page).contains("修改历史", "Test " + member.username(), "Test " + colleague.username(), "谁在建设平台？",
				"2 · 技术团队", "3 · 以产品为中心的团队", "<th scope=\"col\">方面</th>", "<td>投入</td>");
		assertThat(page).as("dates in a cell that does not wrap")
			.containsPattern(
					"<td class=\"history__when\"><time datetime=\"[^\"]+\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</time>");
	}

	@Test
	void quickChangesOfOneAnswerByOnePersonAreOneEntryFromTheFirstValueToTheLast() throws Exception {
		start();
		TestData.Person colleague = data.member(team);
		for (int level = 1; level <= 4; level++) {
			api(member, "investment_1", "{\"option\":\"investment_1:" + level + "\",\"version\":" + (level - 1) + "}");
		}
		api(member, "investment_2", "{\"option\":\"investment_2:2\",\"version\":0}");
		api(member, "investment_2", "{\"option\":\"investment_2:3\",\"version\":1}");
		api(colleague, "investment_2", "{\"option\":\"investment_2:4\",\"version\":2}");
		api(member, "investment_2", "{\"option\":\"investment_2:1\",\"version\":3}");
		api(member, "investment_3", "{\"option\":\"investment_3:2\",\"version\":0}");
		api(member, "investment_3", "{\"option\":\"investment_3:3\",\"version\":1}");
		api(member, "investment_3", "{\"option\":null,\"version\":2}");

		List<Assessments.Change> changes = SystemTask.run(() -> assessments.changes(team.slug(), open.label()));
		assertThat(changes).extracting(
				change -> change.subject() + " " + change.oldValue() + " > " + change.newValue() + " by " + change.by())
			.containsExactly("investment_2 investment_2:4 > investment_2:1 by Test " + member.username(),
					"investment_2 investment_2:3 > investment_2:4 by Test " + colleague.username(),
					"investment_2 null > investment_2:3 by Test " + member.username(),
					"investment_1 null > investment_1:4 by Test " + member.username(),
					"null null > null by Test " + member.username());
		assertThat(jdbc.sql("""
				select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.kind = 'ANSWER'""").param(team.id()).query(Long.class).single())
			.as("every change is still recorded")
			.isEqualTo(11);
	}

	@Test
	void theHomePageShowsTheOpenQuarterAndTheTeamsProgress() throws Exception {
		start();
		mvc.perform(post(path("/answer")).with(asMember())
			.with(csrf())
			.param("aspect", "investment")
			.param("question[investment_1].option", "investment_1:2")
			.param("question[investment_1].version", "0")
			.param("question[investment_1].originalOption", ""));

		String page;
		try {
			clock.moveTo(jdbc.sql("select due_on from quarter where id = ?")
				.param(open.id())
				.query(LocalDate.class)
				.single());
			page = html(mvc.perform(get("/").with(asMember())).andReturn().getResponse().getContentAsString());
		}
		finally {
			clock.reset();
		}
		assertThat(page).contains("The quarter " + open.label() + " is open for answers until", team.name(),
				"In progress", "1 of 20 reviewed", "Continue answering");
		mvc.perform(get("/teams/" + team.slug()).with(asMember()))
			.andExpect(content().string(containsString(open.label())))
			.andExpect(content().string(containsString("1 of 20 reviewed")));
	}

	private void api(TestData.Person person, String question, String json) throws Exception {
		mvc.perform(put("/api/v1/teams/" + team.slug() + "/assessments/" + open.label() + "/answers/" + question)
			.with(user(data.principal(person)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isOk());
	}

	/** The Start button. */
	private void start() throws Exception {
		mvc.perform(post(path("/start")).with(asMember()).with(csrf())).andExpect(redirectedUrl(path("/answer")));
	}

	private static String html(String page) {
		return HtmlUtils.htmlUnescape(page);
	}

	private String path(String rest) {
		return "/teams/" + team.slug() + "/assessments/" + open.label() + rest;
	}

	private RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

}
