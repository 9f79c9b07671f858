package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.AnsweringTeam;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Starting an assessment takes a deliberate POST; progress counts answers reviewed this
 * quarter, apart from those only carried over; carried-over answers are confirmed one by
 * one (also by choosing the option they have) or per aspect; submitting needs every
 * answer reviewed.
 */
@IntegrationTest
class ReviewingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAssessments given;

	@Autowired
	ModelCatalog catalog;

	AnsweringTeam team;

	@BeforeEach
	void teamWithAnOpenQuarter() {
		team = given.answeringTeam("Reviewing");
	}

	@Test
	void openingTheAnsweringPageStartsNothingTheStartButtonDoes() throws Exception {
		mvc.perform(get(team.page() + "/answer?aspect=adoption").with(team.asMember()))
			.andExpect(redirectedUrl(team.page()));
		assertThat(rows("select count(*) from assessment where team_id = ?")).as("no assessment from a GET").isZero();

		String overview = html(
				mvc.perform(get(team.page()).with(team.asMember())).andReturn().getResponse().getContentAsString());
		assertThat(overview)
			.containsPattern("<form class=\"start-form\" method=\"post\"\\s+action=\"" + team.page() + "/start\">")
			.contains("Start the assessment");

		mvc.perform(post(team.page() + "/start").with(team.asMember())).andExpect(status().isForbidden());
		assertThat(rows("select count(*) from assessment where team_id = ?")).as("no start without the CSRF token")
			.isZero();

		mvc.perform(post(team.page() + "/start").with(team.asMember()).with(csrf()))
			.andExpect(redirectedUrl(team.page() + "/answer"));
		mvc.perform(post(team.page() + "/start").with(team.asMember()).with(csrf()))
			.andExpect(redirectedUrl(team.page() + "/answer"));
		assertThat(rows("""
				select count(*) from answer an join assessment a on a.id = an.assessment_id where a.team_id = ?"""))
			.isEqualTo(20);
		assertThat(rows("""
				select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.kind = 'START'""")).as("started once").isOne();
		mvc.perform(get(team.page() + "/answer?aspect=adoption").with(team.asMember())).andExpect(status().isOk());
	}

	@Test
	void startingInAClosedQuarterIsRefusedOnThePage() throws Exception {
		TestData.Quarter closed = data.closedQuarter();
		String closedPage = "/teams/" + team.slug() + "/assessments/" + closed.label();
		mvc.perform(post(closedPage + "/start").with(team.asMember()).with(csrf()))
			.andExpect(redirectedUrl(closedPage))
			.andExpect(flash().attribute("problem",
					"The quarter " + closed.label() + " is closed; answers can no longer change."));
		assertThat(rows("select count(*) from assessment where team_id = ?")).isZero();
	}

	@Test
	void theFirstAnswerSavedThroughTheApiStartsTheAssessment() throws Exception {
		save("operations_1", "{\"option\":\"operations_1:2\",\"version\":0}").andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewed").value(1));
		assertThat(rows("""
				select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.kind in ('START', 'ANSWER')""")).isEqualTo(2);
	}

	@Test
	void carriedOverAnswersCountAsCarriedOverUntilReviewed() throws Exception {
		previousQuarter(Map.of("investment_1", 3, "investment_2", 2, "adoption_1", 4), Set.of("investment_3"));
		start();

		mvc.perform(get(team.api()).with(team.asMember()))
			.andExpect(jsonPath("$.answered").value(4))
			.andExpect(jsonPath("$.reviewed").value(0))
			.andExpect(jsonPath("$.carriedOver").value(4));
		assertThat(html(mvc.perform(get(team.page() + "/answer?aspect=investment").with(team.asMember()))
			.andReturn()
			.getResponse()
			.getContentAsString()))
			.contains("0 of 20 reviewed, 4 carried over", "Confirm the remaining answers of Investment");

		save("investment_2", "{\"option\":\"investment_2:3\",\"version\":0}")
			.andExpect(jsonPath("$.answer.carriedOver").value(false))
			.andExpect(jsonPath("$.reviewed").value(1))
			.andExpect(jsonPath("$.carriedOver").value(3))
			.andExpect(jsonPath("$.answered").value(4));
		save("investment_1", "{\"option\":\"investment_1:3\",\"version\":0}")
			.andExpect(jsonPath("$.answer.level").value(3))
			.andExpect(jsonPath("$.answer.carriedOver").value(false))
			.andExpect(jsonPath("$.answer.version").value(1))
			.andExpect(jsonPath("$.reviewed").value(2))
			.andExpect(jsonPath("$.carriedOver").value(2));
		save("investment_1", "{\"option\":\"investment_1:3\",\"version\":1}")
			.andExpect(jsonPath("$.answer.version").value(1))
			.andExpect(jsonPath("$.reviewed").value(2));

		assertThat(events("investment_1")).containsExactly("CONFIRM:->investment_1:3");
		assertThat(html(mvc.perform(get("/teams/" + team.slug()).with(team.asMember()))
			.andReturn()
			.getResponse()
			.getContentAsString())).contains("2 of 20 reviewed, 2 carried over");
	}

	@Test
	void confirmingAnAspectConfirmsItsRemainingCarriedOverAnswersThroughTheApi() throws Exception {
		previousQuarter(Map.of("investment_1", 3, "investment_2", 2, "adoption_1", 4), Set.of("investment_3"));
		start();
		save("investment_2", "{\"option\":\"investment_2:1\",\"version\":0}").andExpect(status().isOk());

		mvc.perform(post(team.api() + "/aspects/investment/confirm").with(team.asMember()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmed.length()").value(2))
			.andExpect(jsonPath("$.confirmed[0].question").value("investment_1"))
			.andExpect(jsonPath("$.confirmed[0].carriedOver").value(false))
			.andExpect(jsonPath("$.confirmed[0].version").value(1))
			.andExpect(jsonPath("$.confirmed[1].question").value("investment_3"))
			.andExpect(jsonPath("$.confirmed[1].notApplicable").value(true))
			.andExpect(jsonPath("$.reviewed").value(3))
			.andExpect(jsonPath("$.carriedOver").value(1))
			.andExpect(jsonPath("$.questions").value(20));
		assertThat(events("investment_1")).containsExactly("CONFIRM:->investment_1:3");
		assertThat(events("investment_3")).containsExactly("CONFIRM:->n/a");
		assertThat(events("adoption_1")).isEmpty();

		mvc.perform(post(team.api() + "/aspects/nonsense/confirm").with(team.asMember()).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The model of this assessment has no aspect nonsense."));
	}

	@Test
	void theSaveButtonsConfirmAllRemainingAnswersOfTheAspectAndSaveWhatChanged() throws Exception {
		previousQuarter(Map.of("operations_1", 3, "operations_2", 2, "measurement_1", 4), Set.of());
		start();

		mvc.perform(post(team.page() + "/answer").with(team.asMember())
			.with(csrf())
			.param("aspect", "operations")
			.param("confirm-all", "true")
			.param("question[operations_3].option", "operations_3:4")
			.param("question[operations_3].version", "0")
			.param("question[operations_3].originalOption", "")
			.param("question[operations_1].option", "operations_1:3")
			.param("question[operations_1].version", "0")
			.param("question[operations_1].originalOption", "operations_1:3"))
			.andExpect(redirectedUrl(team.page() + "/answer?aspect=operations"));

		AssessmentSnapshot state = SystemTask.run(() -> assessments.state(team.slug(), team.quarter().label()));
		assertThat(state.answers().get("operations_1").reviewed()).isTrue();
		assertThat(state.answers().get("operations_2").reviewed()).isTrue();
		assertThat(state.answers().get("operations_3").level()).isEqualTo(4);
		assertThat(state.answers().get("measurement_1").carriedOver()).as("another aspect").isTrue();
		assertThat(state.reviewedCount()).isEqualTo(3);
	}

	@Autowired
	Assessments assessments;

	@Test
	void submittingNeedsEveryAnswerReviewedAndSaysWhichAreLeft() throws Exception {
		Map<String, Integer> everything = new java.util.HashMap<>();
		catalog.current().aspects().forEach(aspect -> aspect.questions().forEach(q -> everything.put(q.id(), 2)));
		previousQuarter(everything, Set.of());
		start();
		save("adoption_2", "{\"option\":\"adoption_2:3\",\"version\":0}").andExpect(status().isOk());

		String overview = html(
				mvc.perform(get(team.page()).with(team.asMember())).andReturn().getResponse().getContentAsString());
		assertThat(overview).contains("1 of 20 reviewed", "19 answer(s) still need a review", "Investment: 4 to review",
				"Adoption: 3 to review", team.page() + "/answer?aspect=measurement");
		assertThat(overview)
			.containsPattern("<button type=\"submit\" class=\"primary\" disabled=\"disabled\">Submit the assessment");

		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()))
			.andExpect(redirectedUrl(team.page()))
			.andExpect(flash().attribute("problem",
					containsString("19 answer(s) are not reviewed yet (investment_1, investment_2")));
		assertThat(team.status()).isEqualTo("IN_PROGRESS");

		for (String aspect : List.of("investment", "adoption", "interfaces", "operations")) {
			mvc.perform(post(team.api() + "/aspects/" + aspect + "/confirm").with(team.asMember()).with(csrf()))
				.andExpect(status().isOk());
		}
		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()))
			.andExpect(flash().attribute("problem", "4 answer(s) are not reviewed yet (measurement_1, measurement_2, "
					+ "measurement_3, measurement_4): answer them, mark them \"not applicable\", or confirm the "
					+ "answers carried over."));
		mvc.perform(post(team.api() + "/aspects/measurement/confirm").with(team.asMember()).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()))
			.andExpect(flash().attribute("notice", "assessment.submitted.notice"));
		assertThat(team.status()).isEqualTo("SUBMITTED");

		mvc.perform(post(team.api() + "/aspects/measurement/confirm").with(team.asMember()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("is submitted and can no longer change")));
	}

	private void previousQuarter(Map<String, Integer> levels, Set<String> notApplicable) {
		TestData.Quarter earlier = data.closedQuarter();
		given.submitted(team.team(), earlier, team.member()).levels(levels).notApplicable(notApplicable).load();
	}

	private void start() throws Exception {
		mvc.perform(post(team.page() + "/start").with(team.asMember()).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private ResultActions save(String question, String json) throws Exception {
		return mvc.perform(team.answer(question, json));
	}

	private List<String> events(String question) {
		return jdbc.sql("""
				select kind || ':' || coalesce(old_value, '') || '->' || coalesce(new_value, '') from assessment_event e
				join assessment a on a.id = e.assessment_id
				where a.team_id = ? and a.quarter_id = ? and e.subject = ? order by e.id""")
			.params(team.id(), team.quarter().id(), question)
			.query(String.class)
			.list();
	}

	private long rows(String sql) {
		return jdbc.sql(sql).param(team.id()).query(Long.class).single();
	}

	private static String html(String page) {
		return HtmlUtils.htmlUnescape(page);
	}

}
