package dev.platformmaturity.assessment;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
		String page = html(mvc.perform(get(path("/answer?aspect=adoption")).with(asMember()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page).contains("<legend>", "Why and how do users discover and use internal platforms",
				"How do platform users discover its capabilities?", "By accident", "Users stumble across new capabilities",
				"Not applicable / don't know", "The model's four levels of Adoption", "Level 3: Scalable — Intrinsic pull",
				"Target level for Adoption", "0 of 20 answered", "/js/assessment.js");
		assertThat(page).containsPattern("<label for=\"comment-adoption_1\">Comment \\(optional\\)</label>");
		assertThat(page).containsPattern("aria-current=\"page\"[^>]*>\\s*<span>Adoption</span>");
		assertThat(jdbc.sql("select count(*) from answer an join assessment a on a.id = an.assessment_id where a.team_id = ?")
			.param(team.id()).query(Long.class).single()).isEqualTo(20);
	}

	@Test
	void theSaveButtonSavesWhatChangedAndGoesOn() throws Exception {
		mvc.perform(get(path("/answer")).with(asMember()));

		mvc.perform(post(path("/answer")).with(asMember()).with(csrf())
				.param("aspect", "investment").param("go", "adoption")
				.param("option.investment_1", "investment_1:3").param("version.investment_1", "0")
				.param("original-option.investment_1", "").param("comment.investment_1", "Mostly a product team")
				.param("original-comment.investment_1", "")
				.param("option.investment_2", "na").param("version.investment_2", "0").param("original-option.investment_2", "")
				.param("target", "4").param("target-version", "0").param("original-target", ""))
			.andExpect(redirectedUrl(path("/answer?aspect=adoption")));

		AssessmentState state = SystemTask.run(() -> assessments.state(team.slug(), open.label()));
		assertThat(state.answers().get("investment_1").level()).isEqualTo(3);
		assertThat(state.answers().get("investment_1").comment()).isEqualTo("Mostly a product team");
		assertThat(state.answers().get("investment_2").notApplicable()).isTrue();
		assertThat(state.answers().get("investment_3").version()).as("untouched questions are not saved").isZero();
		assertThat(state.target("investment")).contains(4);
	}

	@Test
	void aStaleSaveShowsTheOtherAnswerAndKeepsWhatThePersonChose() throws Exception {
		mvc.perform(get(path("/answer")).with(asMember()));
		TestData.Person colleague = data.member(team);
		mvc.perform(post(path("/answer")).with(user(data.principal(colleague))).with(csrf()).param("aspect", "investment")
			.param("option.investment_1", "investment_1:4").param("version.investment_1", "0").param("original-option.investment_1", ""));

		String page = html(mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "investment")
				.param("option.investment_1", "investment_1:1").param("comment.investment_1", "My reasons")
				.param("version.investment_1", "0").param("original-option.investment_1", ""))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page).contains("Test " + colleague.username() + " saved another answer meanwhile: 4 · Full specialist team or group.",
				"Your choice is kept below", "My reasons");
		assertThat(page).containsPattern("value=\"investment_1:1\"[^>]*checked");
		assertThat(SystemTask.run(() -> assessments.state(team.slug(), open.label())).answers().get("investment_1").level())
			.isEqualTo(4);
	}

	@Test
	void confirmingACarriedOverAnswerKeepsItAndRemovesTheMark() throws Exception {
		TestData.Quarter earlier = data.closedQuarter();
		given.submitted(team, earlier, member).levels(Map.of("operations_2", 2)).load();
		String page = html(mvc.perform(get(path("/answer?aspect=operations")).with(asMember())).andReturn().getResponse().getContentAsString());
		assertThat(page).contains("Carried over from the team's previous assessment");

		mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "operations")
			.param("confirm", "operations_2").param("option.operations_2", "operations_2:2").param("version.operations_2", "0")
			.param("original-option.operations_2", "operations_2:2"));

		AnswerState answer = SystemTask.run(() -> assessments.state(team.slug(), open.label())).answers().get("operations_2");
		assertThat(answer.level()).isEqualTo(2);
		assertThat(answer.carriedOver()).isFalse();
	}

	@Test
	void theResultsShowScoresLevelsOpportunitiesCommentsAndTheRadar() throws Exception {
		mvc.perform(get(path("/answer")).with(asMember()));
		mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "investment")
			.param("option.investment_1", "investment_1:2").param("version.investment_1", "0").param("original-option.investment_1", "")
			.param("option.investment_2", "investment_2:3").param("version.investment_2", "0").param("original-option.investment_2", "")
			.param("comment.investment_2", "We plan a roadmap <soon>").param("original-comment.investment_2", ""));

		String page = html(mvc.perform(get(path("")).with(asMember())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());

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
		mvc.perform(get(path("/answer")).with(asMember()));
		mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "investment")
			.param("option.investment_1", "investment_1:2").param("version.investment_1", "0").param("original-option.investment_1", ""));
		mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "investment")
			.param("option.investment_1", "investment_1:3").param("version.investment_1", "1")
			.param("original-option.investment_1", "investment_1:2"));

		String page = html(mvc.perform(get(path("/history")).with(asMember()).header("Accept-Language", "zh-CN"))
			.andReturn().getResponse().getContentAsString());

		assertThat(page).contains("修改历史", "Test " + member.username(), "谁在建设平台？", "2 · 技术团队", "3 · 以产品为中心的团队");
	}

	@Test
	void theHomePageShowsTheOpenQuarterAndTheTeamsProgress() throws Exception {
		mvc.perform(get(path("/answer")).with(asMember()));
		mvc.perform(post(path("/answer")).with(asMember()).with(csrf()).param("aspect", "investment")
			.param("option.investment_1", "investment_1:2").param("version.investment_1", "0").param("original-option.investment_1", ""));

		String page = html(mvc.perform(get("/").with(asMember())).andReturn().getResponse().getContentAsString());
		assertThat(page).contains("The quarter " + open.label() + " is open for answers until", team.name(), "In progress",
				"1 of 20 answered", "Continue answering");
		mvc.perform(get("/teams/" + team.slug()).with(asMember()))
			.andExpect(content().string(containsString(open.label())))
			.andExpect(content().string(containsString("1 of 20 answered")));
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
