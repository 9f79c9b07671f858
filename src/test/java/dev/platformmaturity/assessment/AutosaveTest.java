package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.AnsweringTeam;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A save: every rule it checks in at most four statements, the figures the assessment
 * keeps updated with it, and bad input refused with its own message.
 */
@IntegrationTest
class AutosaveTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentTallies tallies;

	@Autowired
	TestAssessments given;

	AnsweringTeam answering;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter open;

	@BeforeEach
	void startedAssessment() {
		answering = given.answeringTeam("Autosave");
		team = answering.team();
		member = answering.member();
		open = answering.quarter();
		SystemTask.run(() -> assessments.start(team.slug(), open.label(), member.id()));
	}

	@Test
	void aSaveChecksEveryRuleInTwoStatementsInOneTransaction() throws Exception {
		save("investment_4", "{\"option\":\"investment_4:1\",\"version\":0}").andExpect(status().isOk());

		UserDetails signedIn = data.principal(member);
		int statements = StatementCounter.count(() -> as(signedIn, () -> assessments.saveAnswer(team.slug(),
				open.label(), "investment_1", new AnswerChange("investment_1:2", false, "Why", 0), member.id())));

		assertThat(statements).as("lock and read; answer, history and kept figures in one").isLessThanOrEqualTo(2);
		AssessmentSnapshot state = SystemTask.run(() -> assessments.state(team.slug(), open.label()));
		assertThat(state.answers().get("investment_1").level()).isEqualTo(2);
		assertThat(state.answers().get("investment_1").comment()).isEqualTo("Why");
		assertThat(jdbc.sql("""
				select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
				where a.team_id = ? and e.subject = 'investment_1'""").param(team.id()).query(Long.class).single())
			.as("the answer and the comment in the history")
			.isEqualTo(2);
		assertThat(KeptFigures.differences(jdbc)).isEmpty();

		var request = put(answering.api() + "/answers/investment_1").with(user(signedIn))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"investment_1:3\",\"comment\":\"Why\",\"version\":1}");
		int statementsOfTheRequest = StatementCounter.count(() -> {
			try {
				mvc.perform(request)
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.answer.updatedBy").value("Test " + member.username()))
					.andExpect(jsonPath("$.answered").value(2))
					.andExpect(jsonPath("$.reviewed").value(2));
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		});
		assertThat(statementsOfTheRequest).as("the save alone: the web layer leaves the team's check to it")
			.isLessThanOrEqualTo(2);
	}

	@Test
	void whoMayChangeTheTeamIsCheckedByTheSaveItself() {
		TestData.Person lead = data.person(Role.LEAD);
		TestData.Person otherMember = data.member(data.team("Elsewhere"));
		assertThatThrownBy(() -> as(data.principal(lead),
				() -> assessments.saveAnswer(team.slug(), open.label(), "investment_1",
						new AnswerChange("investment_1:2", false, null, 0), lead.id())))
			.as("a lead reads every team but changes none")
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> as(data.principal(otherMember),
				() -> assessments.saveAnswer(team.slug(), open.label(), "investment_1",
						new AnswerChange("investment_1:2", false, null, 0), otherMember.id())))
			.as("a team the caller may not read is answered as if it did not exist")
			.isInstanceOf(TeamNotFoundException.class);
		TestData.Person admin = data.person(Role.ADMIN);
		as(data.principal(admin), () -> assessments.saveAnswer(team.slug(), open.label(), "investment_1",
				new AnswerChange("investment_1:2", false, null, 0), admin.id()));
		data.disable(team);
		UserDetails signedIn = data.principal(member);
		assertThatThrownBy(() -> as(signedIn,
				() -> assessments.saveAnswer(team.slug(), open.label(), "investment_2",
						new AnswerChange("investment_2:2", false, null, 0), member.id())))
			.as("a disabled team")
			.isInstanceOf(TeamNotFoundException.class);
	}

	@Test
	void theKeptFiguresFollowEveryChangeAndArePublished() throws Exception {
		save("investment_1", "{\"option\":\"investment_1:1\",\"version\":0}");
		save("investment_2", "{\"option\":\"investment_2:2\",\"version\":0}");
		save("investment_3", "{\"option\":\"investment_3:2\",\"version\":0}");
		save("investment_4", "{\"notApplicable\":true,\"version\":0}");
		save("adoption_1", "{\"notApplicable\":true,\"version\":0}");
		save("adoption_2", "{\"option\":\"adoption_2:4\",\"version\":0}");
		save("adoption_2", "{\"option\":\"adoption_2:3\",\"version\":1}");
		save("adoption_3", "{\"option\":\"adoption_3:1\",\"version\":0}");
		save("adoption_3", "{\"option\":null,\"version\":1}");

		AssessmentTally tally = SystemTask.run(() -> tallies.ofQuarter(open.id())).get(team.id());
		assertThat(tally.answered()).isEqualTo(6);
		assertThat(tally.reviewed()).isEqualTo(6);
		assertThat(tally.carriedOver()).isZero();
		assertThat(tally.questions()).isEqualTo(20);
		assertThat(tally.aspects().keySet()).containsExactly("investment", "adoption", "interfaces", "operations",
				"measurement");
		assertThat(tally.aspects().get("investment")).isEqualTo(new AssessmentTally.AspectTally(5, 3));
		assertThat(tally.score("investment")).contains(new BigDecimal("1.67"));
		assertThat(tally.score("adoption")).contains(new BigDecimal("3.00"));
		assertThat(tally.score("interfaces")).isEmpty();
		assertThat(SystemTask.run(() -> tallies.ofTeam(team.slug())).get(open.id())).isEqualTo(tally);
		assertThat(KeptFigures.differences(jdbc)).as("every assessment of %d", KeptFigures.assessments(jdbc)).isEmpty();
	}

	@Test
	void theKeptFiguresAreForLeadsAcrossTeamsAndForThoseWhoMayReadTheTeam() {
		TestData.Person otherMember = data.member(data.team("Elsewhere"));
		assertThatThrownBy(() -> as(data.principal(member), () -> tallies.ofQuarter(open.id())))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> as(data.principal(otherMember), () -> tallies.ofTeam(team.slug())))
			.isInstanceOf(dev.platformmaturity.team.TeamNotFoundException.class);
		assertThat(as(data.principal(member), () -> tallies.ofTeam(team.slug()))).containsKey(open.id());
	}

	@Test
	void aMissingVersionHasItsOwnMessage() throws Exception {
		save("investment_1", "{\"option\":\"investment_1:2\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"The change does not say which saved version it starts from; reload the page and make it again."));
		mvc.perform(put(answering.api() + "/targets/investment").with(answering.asMember())
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"level\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("此修改没有说明基于哪个已保存的版本；请重新加载页面后再修改一次。"));
		assertThat(answering.untouched()).isTrue();
	}

	@Test
	void commentsAreCountedInCharactersAsPostgresqlCountsThem() throws Exception {
		String twoThousandEmoji = "🚀".repeat(2000);
		save("investment_1", "{\"option\":\"investment_1:2\",\"comment\":\"" + twoThousandEmoji + "🚀\",\"version\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The text can have at most 2,000 characters; it has 2,001."));
		assertThat(answering.untouched()).isTrue();

		save("investment_1", "{\"option\":\"investment_1:2\",\"comment\":\"" + twoThousandEmoji + "\",\"version\":0}")
			.andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select char_length(an.comment) from answer an join assessment a on a.id = an.assessment_id
				where a.team_id = ? and an.comment is not null""").param(team.id()).query(Integer.class).single())
			.isEqualTo(2000);
		String page = HtmlUtils
			.htmlUnescape(mvc.perform(get(answering.page() + "/answer?aspect=investment").with(answering.asMember()))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page).contains("2,000 of 2,000 characters");
	}

	@Test
	void aTargetThatIsNotALevelOnTheFormIsExplainedAndNothingIsSaved() throws Exception {
		String page = HtmlUtils.htmlUnescape(mvc
			.perform(post(answering.page() + "/answer").with(answering.asMember())
				.with(csrf())
				.param("aspect", "investment")
				.param("target", "abc")
				.param("target-version", "0")
				.param("original-target", "")
				.param("question[investment_1].option", "investment_1:3")
				.param("question[investment_1].version", "0")
				.param("question[investment_1].originalOption", "")
				.param("question[investment_2].comment", "Typed, not lost")
				.param("question[investment_2].version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page)
			.contains("Choose the target from the list: a level from 1 to 4, or no target.", "Typed, not lost")
			.doesNotContain("Someone else changed the target meanwhile");
		assertThat(page).containsPattern("value=\"investment_1:3\"[^>]*checked");
		assertThat(answering.untouched()).isTrue();
	}

	@Test
	void aVersionThatIsNotANumberOnTheFormIsExplainedBesideItsQuestion() throws Exception {
		String page = HtmlUtils.htmlUnescape(mvc
			.perform(post(answering.page() + "/answer").with(answering.asMember())
				.with(csrf())
				.param("aspect", "investment")
				.param("question[investment_1].option", "investment_1:3")
				.param("question[investment_1].version", "zero")
				.param("question[investment_1].originalOption", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		Matcher problem = Pattern
			.compile("<div class=\"notice notice--error\" role=\"alert\"[^>]*>Enter a whole number.</div>")
			.matcher(page);
		assertThat(problem.find()).isTrue();
		assertThat(problem.start()).as("beside its question")
			.isBetween(page.indexOf("id=\"question-investment_1\""), page.indexOf("id=\"question-investment_2\""));
		assertThat(answering.untouched()).isTrue();
	}

	/** Runs work as someone signed in, outside a web request. */
	private static <T> T as(UserDetails principal, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private ResultActions save(String question, String json) throws Exception {
		return mvc.perform(put(answering.api() + "/answers/" + question).with(answering.asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
