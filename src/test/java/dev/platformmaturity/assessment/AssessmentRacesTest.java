package dev.platformmaturity.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Two requests at the same moment, on real threads through the whole web stack, against
 * real PostgreSQL: two editors of one answer, a submission against a save, two target
 * changes. Nothing acknowledged is lost, nothing changes a submitted assessment, no race
 * answers anything but 200 or 409, and the kept figures stay right.
 */
@IntegrationTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AssessmentRacesTest {

	private static final int ANSWER_RACES = 200;

	private static final int SUBMIT_RACES = 100;

	private static final int TARGET_RACES = 100;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	ModelCatalog catalog;

	ExecutorService threads;

	TestData.Quarter open;

	@BeforeEach
	void twoThreads() {
		threads = Executors.newFixedThreadPool(2);
		open = data.openQuarter();
	}

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	@Test
	void twoEditorsOfOneAnswerAlwaysGiveOneSaveAndOneConflictAndLoseNothing() throws Exception {
		TestData.Team team = data.team("Race answers");
		TestData.Person first = data.member(team);
		TestData.Person second = data.member(team);
		SystemTask.run(() -> assessments.start(team.slug(), open.label(), first.id()));
		String url = api(team) + "/answers/operations_2";
		int saved = 0;
		for (int race = 0; race < ANSWER_RACES; race++) {
			int firstLevel = saved % 4 + 1;
			int secondLevel = (saved + 1) % 4 + 1;
			List<MockHttpServletResponse> both = atOnce(
					put(url).with(user(data.principal(first)))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content(answer("operations_2", firstLevel, race)),
					put(url).with(user(data.principal(second)))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content(answer("operations_2", secondLevel, race)));

			assertThat(both).extracting(MockHttpServletResponse::getStatus)
				.as("race %d", race)
				.containsExactlyInAnyOrder(200, 409);
			MockHttpServletResponse won = both.get(0).getStatus() == 200 ? both.get(0) : both.get(1);
			MockHttpServletResponse lost = both.get(0).getStatus() == 200 ? both.get(1) : both.get(0);
			saved = JsonPath.read(won.getContentAsString(), "$.answer.level");
			assertThat((Integer) JsonPath.read(won.getContentAsString(), "$.answer.version")).isEqualTo(race + 1);
			assertThat((Integer) JsonPath.read(lost.getContentAsString(), "$.current.level"))
				.as("the loser sees the winner")
				.isEqualTo(saved);
			assertThat(level(team, "operations_2")).as("race %d: what the winner was told is saved", race)
				.isEqualTo(saved);
		}
		assertThat(jdbc.sql("""
				select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.kind = 'ANSWER'""").param(team.id()).query(Long.class).single())
			.as("one change per race, none lost, none twice")
			.isEqualTo(ANSWER_RACES);
		assertThat(KeptFigures.differences(jdbc)).isEmpty();
	}

	@Test
	void aSaveRacingASubmissionNeverChangesASubmittedAssessment() throws Exception {
		List<TestData.Team> teams = new ArrayList<>();
		Map<Long, TestData.Person[]> people = new HashMap<>();
		List<AssessmentLoader.Loaded> reviewed = new ArrayList<>();
		Map<String, Integer> everything = new HashMap<>();
		catalog.current().aspects().forEach(aspect -> aspect.questions().forEach(q -> everything.put(q.id(), 3)));
		for (int race = 0; race < SUBMIT_RACES; race++) {
			TestData.Team team = data.team("Race submit");
			TestData.Person submitter = data.member(team);
			teams.add(team);
			people.put(team.id(), new TestData.Person[] { submitter, data.member(team) });
			reviewed.add(new AssessmentLoader.Loaded(team.id(), open.id(), AssessmentStatus.IN_PROGRESS, submitter.id(),
					Instant.now(), everything, Set.of(), Map.of(), Map.of(), Set.of()));
		}
		SystemTask.run(() -> loader.load(catalog.currentVersion(), reviewed));

		for (TestData.Team team : teams) {
			TestData.Person[] pair = people.get(team.id());
			List<MockHttpServletResponse> both = atOnce(
					post(page(team) + "/submit").with(user(data.principal(pair[0]))).with(csrf()),
					put(api(team) + "/answers/interfaces_4").with(user(data.principal(pair[1])))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"option\":null,\"version\":0}"));
			String status = jdbc.sql("select status from assessment where team_id = ?")
				.param(team.id())
				.query(String.class)
				.single();
			int save = both.get(1).getStatus();
			assertThat(both.get(0).getStatus()).as("the submission's page").isEqualTo(302);
			assertThat(save).isIn(200, 409);
			if (status.equals("SUBMITTED")) {
				assertThat(save).as("a save after the submission").isEqualTo(409);
				assertThat(jdbc.sql("""
						select count(*) from answer an join assessment a on a.id = an.assessment_id
						where a.team_id = ? and an.level is not null and not an.carried_over""")
					.param(team.id())
					.query(Long.class)
					.single()).as("a submitted assessment keeps every answer").isEqualTo(20);
				assertThat(jdbc.sql("""
						select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
						where a.team_id = ? and e.kind = 'ANSWER'""").param(team.id()).query(Long.class).single())
					.as("no change recorded for a submitted assessment")
					.isZero();
			}
			else {
				assertThat(save).as("the save came first, so the submission found a question unanswered")
					.isEqualTo(200);
				assertThat(level(team, "interfaces_4")).isNull();
			}
		}
		assertThat(KeptFigures.differences(jdbc)).isEmpty();
	}

	@Test
	void twoTargetChangesAtOnceGiveOneSaveAndOneConflictNeverAnError() throws Exception {
		TestData.Team team = data.team("Race targets");
		TestData.Person first = data.member(team);
		TestData.Person second = data.member(team);
		SystemTask.run(() -> assessments.start(team.slug(), open.label(), first.id()));
		String url = api(team) + "/targets/interfaces";
		int saved = 0;
		for (int race = 0; race < TARGET_RACES; race++) {
			int firstLevel = saved % 4 + 1;
			int secondLevel = (saved + 1) % 4 + 1;
			List<MockHttpServletResponse> both = atOnce(
					put(url).with(user(data.principal(first)))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"level\":" + firstLevel + ",\"version\":" + race + "}"),
					put(url).with(user(data.principal(second)))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"level\":" + secondLevel + ",\"version\":" + race + "}"));

			assertThat(both).extracting(MockHttpServletResponse::getStatus)
				.as("race %d", race)
				.containsExactlyInAnyOrder(200, 409);
			MockHttpServletResponse won = both.get(0).getStatus() == 200 ? both.get(0) : both.get(1);
			MockHttpServletResponse lost = both.get(0).getStatus() == 200 ? both.get(1) : both.get(0);
			saved = JsonPath.read(won.getContentAsString(), "$.level");
			assertThat((Integer) JsonPath.read(lost.getContentAsString(), "$.current.level")).isEqualTo(saved);
		}
		assertThat(jdbc.sql("""
				select t.version from target t join assessment a on a.id = t.assessment_id
				join aspect asp on asp.id = t.aspect_id where a.team_id = ? and asp.key = 'interfaces'""")
			.param(team.id())
			.query(Long.class)
			.single()).isEqualTo(TARGET_RACES);
	}

	/**
	 * Sends both requests from two threads released at the same moment; the responses in
	 * the same order.
	 */
	private List<MockHttpServletResponse> atOnce(RequestBuilder one, RequestBuilder other) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<MockHttpServletResponse>> running = new ArrayList<>();
		for (RequestBuilder request : List.of(one, other)) {
			running.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				return mvc.perform(request).andReturn().getResponse();
			}));
		}
		List<MockHttpServletResponse> responses = new ArrayList<>();
		for (Future<MockHttpServletResponse> response : running) {
			responses.add(response.get(30, TimeUnit.SECONDS));
		}
		return responses;
	}

	private static String answer(String question, int level, long version) {
		return "{\"option\":\"" + question + ":" + level + "\",\"version\":" + version + "}";
	}

	private Integer level(TestData.Team team, String question) {
		return jdbc.sql("""
				select an.level from answer an join assessment a on a.id = an.assessment_id
				join question q on q.id = an.question_id where a.team_id = ? and a.quarter_id = ? and q.key = ?""")
			.params(team.id(), open.id(), question)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject("level", Integer.class)))
			.single()
			.orElse(null);
	}

	private String api(TestData.Team team) {
		return "/api/v1/teams/" + team.slug() + "/assessments/" + open.label();
	}

	private String page(TestData.Team team) {
		return "/teams/" + team.slug() + "/assessments/" + open.label();
	}

}
