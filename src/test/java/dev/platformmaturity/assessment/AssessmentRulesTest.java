package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.AnsweringTeam;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules that protect answers, through the JSON API the answering page saves with, on
 * real PostgreSQL.
 */
@IntegrationTest
class AssessmentRulesTest {

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
		team = given.answeringTeam("Assessed");
	}

	@Test
	void openingCreatesTheAssessmentForTheCurrentModelVersionPreFilledFromTheLatestEarlierOne() throws Exception {
		TestData.Quarter older = data.closedQuarter();
		TestData.Quarter latest = data.closedQuarter();
		submitted(older, Map.of("investment_1", 1), Set.of(), Map.of());
		submitted(latest, Map.of("investment_1", 3, "adoption_2", 2), Set.of("measurement_4"),
				Map.of("investment_1", "Kept from last time"));

		mvc.perform(get(team.api()).with(team.asMember())).andExpect(jsonPath("$.status").value("NOT_STARTED"));
		mvc.perform(post(team.page() + "/start").with(team.asMember()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get(team.api()).with(team.asMember()))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.modelVersion").value(catalog.current().id()))
			.andExpect(jsonPath("$.questions").value(20))
			.andExpect(jsonPath("$.answered").value(3))
			.andExpect(jsonPath("$.reviewed").value(0))
			.andExpect(jsonPath("$.carriedOver").value(3))
			.andExpect(jsonPath("$.answers.investment_1.level").value(3))
			.andExpect(jsonPath("$.answers.investment_1.comment").value("Kept from last time"))
			.andExpect(jsonPath("$.answers.investment_1.carriedOver").value(true))
			.andExpect(jsonPath("$.answers.measurement_4.notApplicable").value(true))
			.andExpect(jsonPath("$.answers.operations_1.level", nullValue()))
			.andExpect(jsonPath("$.answers.operations_1.carriedOver").value(false))
			.andExpect(jsonPath("$.targets.investment").value(2));
	}

	@Test
	void savingAnAnswerConfirmsItAndKeepsAHistoryOfOldAndNew() throws Exception {
		start();
		save("investment_1", "{\"option\":\"investment_1:2\",\"comment\":\"First\",\"version\":0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer.level").value(2))
			.andExpect(jsonPath("$.answer.version").value(1))
			.andExpect(jsonPath("$.answered").value(1));
		save("investment_1", "{\"option\":\"investment_1:4\",\"comment\":\"Second\",\"version\":1}")
			.andExpect(jsonPath("$.answer.level").value(4))
			.andExpect(jsonPath("$.answered").value(1))
			.andExpect(jsonPath("$.questions").value(20));

		assertThat(jdbc
			.sql("""
					select kind || ':' || coalesce(old_value, '-') || '>' || coalesce(new_value, '-') from assessment_event e
					join assessment a on a.id = e.assessment_id where a.team_id = ? and e.subject = 'investment_1' order by e.id""")
			.param(team.id())
			.query(String.class)
			.list()).containsExactly("ANSWER:->investment_1:2", "COMMENT:->First",
					"ANSWER:investment_1:2>investment_1:4", "COMMENT:First>Second");
	}

	@Test
	void theProgressCountOfASaveCountsNotApplicableAndDropsAClearedAnswer() throws Exception {
		start();
		save("investment_1", "{\"option\":\"investment_1:2\",\"version\":0}")
			.andExpect(jsonPath("$.answered").value(1));
		save("investment_2", "{\"notApplicable\":true,\"version\":0}")
			.andExpect(jsonPath("$.answer.notApplicable").value(true))
			.andExpect(jsonPath("$.answered").value(2));
		save("investment_1", "{\"option\":null,\"version\":1}").andExpect(jsonPath("$.answer.level", nullValue()))
			.andExpect(jsonPath("$.answered").value(1));
	}

	@Test
	void aStaleWriteIsRefusedWithTheOtherPersonsAnswerAndOverwritesNothing() throws Exception {
		start();
		TestData.Person colleague = data.member(team.team());
		mvc.perform(put(team.api() + "/answers/adoption_1").with(user(data.principal(colleague)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"adoption_1:3\",\"version\":0}")).andExpect(status().isOk());

		save("adoption_1", "{\"option\":\"adoption_1:1\",\"version\":0}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("saved another answer to this question meanwhile")))
			.andExpect(jsonPath("$.current.level").value(3))
			.andExpect(jsonPath("$.current.version").value(1))
			.andExpect(jsonPath("$.current.updatedBy").value("Test " + colleague.username()));

		mvc.perform(get(team.api()).with(team.asMember())).andExpect(jsonPath("$.answers.adoption_1.level").value(3));
		save("adoption_1", "{\"option\":\"adoption_1:1\",\"version\":1}").andExpect(status().isOk());
	}

	@Test
	void savesOfDifferentAnswersAtTheSameMomentDoNotConflict() throws Exception {
		start();
		var questions = List.of("operations_1", "operations_2", "operations_3", "operations_4", "measurement_1",
				"measurement_2");
		var pool = Executors.newFixedThreadPool(questions.size());
		try {
			var saves = questions.stream()
				.map(question -> pool
					.submit(() -> SystemTask.run(() -> assessments.saveAnswer(team.slug(), team.quarter().label(),
							question, new AnswerChange(question + ":3", false, null, 0), team.member().id()))))
				.toList();
			for (var save : saves) {
				assertThat(save.get().answer().level()).isEqualTo(3);
			}
		}
		finally {
			pool.shutdown();
		}
		mvc.perform(get(team.api()).with(team.asMember())).andExpect(jsonPath("$.answered").value(6));
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
		start();
		save("nonsense_1", "{\"option\":\"nonsense_1:1\",\"version\":0}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The model of this assessment has no question nonsense_1."));
		save("investment_1", "{\"option\":\"three\",\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("three is not an option; options look like investment_1:3."));
		save("investment_1", "{\"option\":\"investment_2:3\",\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("The option investment_2:3 belongs to another question than investment_1."));
		save("investment_1", "{\"option\":\"investment_1:5\",\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The level 5 does not exist; levels go from 1 to 4."));
		save("investment_1", "{\"option\":\"investment_1:0\",\"version\":0}").andExpect(status().isBadRequest());
		save("investment_1", "{\"option\":\"investment_1:2\",\"notApplicable\":true,\"version\":0}")
			.andExpect(status().isBadRequest());
		save("investment_1", "{\"option\":\"investment_1:2\",\"comment\":\"" + "x".repeat(2001) + "\",\"version\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The text can have at most 2,000 characters; it has 2,001."));
		save("investment_1", "{not json").andExpect(status().isBadRequest());
		mvc.perform(
				put("/api/v1/teams/" + team.slug() + "/assessments/" + team.quarter().label() + "/answers/investment_1")
					.with(team.asMember())
					.with(csrf())
					.header("Accept-Language", "zh-CN")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"option\":\"investment_1:7\",\"version\":0}"))
			.andExpect(jsonPath("$.detail").value("级别 7 不存在；级别为 1 到 4。"));

		assertThat(team.untouched()).isTrue();
	}

	@Test
	void unknownTeamsAndQuartersAndOtherTeamsAreNotFound() throws Exception {
		start();
		TestData.Team other = data.team("Other");
		mvc.perform(put(
				"/api/v1/teams/" + other.slug() + "/assessments/" + team.quarter().label() + "/answers/investment_1")
			.with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:2\",\"version\":0}")).andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/teams/no-such-team/assessments/" + team.quarter().label() + "/answers/investment_1")
			.with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:2\",\"version\":0}")).andExpect(status().isNotFound());
		mvc.perform(
				put("/api/v1/teams/" + team.slug() + "/assessments/1999-Q9/answers/investment_1").with(team.asMember())
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"option\":\"investment_1:2\",\"version\":0}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no quarter 1999-Q9."));
		assertThat(team.untouched()).isTrue();
	}

	@Test
	void answersChangeOnlyWhileTheQuarterIsOpen() throws Exception {
		TestData.Quarter closed = data.closedQuarter();
		TestData.Quarter planned = data.plannedQuarter();
		mvc.perform(put("/api/v1/teams/" + team.slug() + "/assessments/" + closed.label() + "/answers/investment_1")
			.with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:2\",\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("The quarter " + closed.label() + " is closed; answers can no longer change."));
		mvc.perform(put("/api/v1/teams/" + team.slug() + "/assessments/" + planned.label() + "/answers/investment_1")
			.with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:2\",\"version\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("is not open yet")));
		assertThat(jdbc.sql("select count(*) from assessment where team_id = ?")
			.param(team.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void submittingNeedsEveryQuestionAnsweredAndMakesTheAssessmentReadOnly() throws Exception {
		start();
		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()));
		assertThat(team.status()).isEqualTo("IN_PROGRESS");

		answerAll();
		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()));
		assertThat(team.status()).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("select submitted_by from assessment where team_id = ?")
			.param(team.id())
			.query(Long.class)
			.single()).isEqualTo(team.member().id());

		save("investment_1", "{\"option\":\"investment_1:1\",\"version\":" + version("investment_1") + "}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("is submitted and can no longer change")));
	}

	@Test
	void submittingWithUnansweredQuestionsExplainsHowMany() {
		start();
		SystemTask.run(() -> org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> assessments.submit(team.slug(), team.quarter().label(), team.member().id()))
			.isInstanceOf(AssessmentProblem.class)
			.hasFieldOrPropertyWithValue("messageKey", "assessment.submit.unreviewed"));
		assertThat(team.status()).isEqualTo("IN_PROGRESS");
	}

	@Autowired
	Assessments assessments;

	@Test
	void onlyALeadOrAdministratorReopensAndOnlyWithAReason() throws Exception {
		start();
		answerAll();
		mvc.perform(post(team.page() + "/submit").with(team.asMember()).with(csrf()));
		TestData.Person lead = data.person(Role.LEAD);

		mvc.perform(post(team.page() + "/reopen").with(team.asMember()).with(csrf()).param("reason", "Please"))
			.andExpect(status().isForbidden());
		assertThat(team.status()).isEqualTo("SUBMITTED");
		mvc.perform(post(team.page() + "/reopen").with(user(data.principal(lead))).with(csrf()).param("reason", "  "));
		assertThat(team.status()).isEqualTo("SUBMITTED");

		mvc.perform(post(team.page() + "/reopen").with(user(data.principal(lead)))
			.with(csrf())
			.param("reason", "Wrong team answered"));
		assertThat(team.status()).isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("""
				select e.reason from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.kind = 'REOPEN'""").param(team.id()).query(String.class).single())
			.isEqualTo("Wrong team answered");
	}

	@Test
	void aLeadReadsButDoesNotAnswerForAnotherTeam() throws Exception {
		start();
		TestData.Person lead = data.person(Role.LEAD);
		mvc.perform(get(team.api()).with(user(data.principal(lead)))).andExpect(status().isOk());
		mvc.perform(put(team.api() + "/answers/investment_1").with(user(data.principal(lead)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:2\",\"version\":0}")).andExpect(status().isForbidden());
		assertThat(team.untouched()).isTrue();
	}

	@Test
	void scoresAreTheMeanOfAnsweredLevelsWithNotApplicableLeftOutAndNoScoreForAnEmptyAspect() throws Exception {
		start();
		save("investment_1", "{\"option\":\"investment_1:1\",\"version\":0}");
		save("investment_2", "{\"option\":\"investment_2:2\",\"version\":0}");
		save("investment_3", "{\"option\":\"investment_3:2\",\"version\":0}");
		save("investment_4", "{\"notApplicable\":true,\"version\":0}");
		save("adoption_1", "{\"notApplicable\":true,\"version\":0}");

		mvc.perform(get(team.api()).with(team.asMember()))
			.andExpect(jsonPath("$.scores.investment.score").value(1.67))
			.andExpect(jsonPath("$.scores.investment.level").value(1))
			.andExpect(jsonPath("$.scores.adoption.score", nullValue()))
			.andExpect(jsonPath("$.scores.interfaces.score", nullValue()))
			.andExpect(jsonPath("$.answered").value(5));
	}

	@Test
	void targetsAreSavedWithTheirOwnVersion() throws Exception {
		start();
		mvc.perform(put(team.api() + "/targets/operations").with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":3,\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value(3))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(team.api() + "/targets/operations").with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":2,\"version\":0}")).andExpect(status().isConflict());
		mvc.perform(put(team.api() + "/targets/operations").with(team.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":9,\"version\":1}")).andExpect(status().isBadRequest());
		mvc.perform(get(team.api()).with(team.asMember())).andExpect(jsonPath("$.targets.operations").value(3));
	}

	@Test
	void theQuartersAreListed() throws Exception {
		mvc.perform(get("/api/v1/quarters").with(team.asMember()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.label == '" + team.quarter().label() + "')].state")
				.value(org.hamcrest.Matchers.contains("OPEN")))
			.andExpect(jsonPath("$[0].opensOn").exists());
	}

	private void start() {
		SystemTask.run(() -> assessments.start(team.slug(), team.quarter().label(), team.member().id()));
	}

	private void answerAll() throws Exception {
		for (var aspect : catalog.current().aspects()) {
			for (var question : aspect.questions()) {
				save(question.id(),
						"{\"option\":\"" + question.id() + ":2\",\"version\":" + version(question.id()) + "}")
					.andExpect(status().isOk());
			}
		}
	}

	private ResultActions save(String question, String json) throws Exception {
		return mvc.perform(team.answer(question, json));
	}

	private void submitted(TestData.Quarter quarter, Map<String, Integer> levels, Set<String> notApplicable,
			Map<String, String> comments) {
		given.submitted(team.team(), quarter, team.member())
			.levels(levels)
			.notApplicable(notApplicable)
			.comments(comments)
			.targets(Map.of("investment", 2))
			.load();
	}

	private long version(String question) {
		return jdbc.sql("""
				select an.version from answer an join assessment a on a.id = an.assessment_id
				join question q on q.id = an.question_id where a.team_id = ? and a.quarter_id = ? and q.key = ?""")
			.params(team.id(), team.quarter().id(), question)
			.query(Long.class)
			.single();
	}

}
