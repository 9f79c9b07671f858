package dev.platformmaturity.support;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A new team with one member, and the open quarter they answer in: the set-up of the
 * tests of answering ({@link TestAssessments#answeringTeam(String)}), with the addresses
 * of the team's assessment, the member's sign-in and what is stored of the assessment.
 */
public final class AnsweringTeam {

	private final TestData.Team team;

	private final TestData.Person member;

	private final TestData.Quarter quarter;

	private final TestData data;

	private final JdbcClient jdbc;

	AnsweringTeam(TestData data, JdbcClient jdbc, String name) {
		this.data = data;
		this.jdbc = jdbc;
		this.team = data.team(name);
		this.member = data.member(team);
		this.quarter = data.openQuarter();
	}

	public TestData.Team team() {
		return team;
	}

	public long id() {
		return team.id();
	}

	public String slug() {
		return team.slug();
	}

	public TestData.Person member() {
		return member;
	}

	public TestData.Quarter quarter() {
		return quarter;
	}

	/** The assessment's page: {@code /teams/<team>/assessments/<quarter>}. */
	public String page() {
		return "/teams/" + team.slug() + "/assessments/" + quarter.label();
	}

	/** The assessment in the API: {@code /api/v1/teams/<team>/assessments/<quarter>}. */
	public String api() {
		return "/api/v1" + page();
	}

	/** The member, signed in, for MockMvc's {@code with(...)}. */
	public RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

	/**
	 * The member saves an answer through the API: {@code json} is the body of the PUT.
	 */
	public MockHttpServletRequestBuilder answer(String question, String json) {
		return put(api() + "/answers/" + question).with(asMember())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	/** The stored status of the assessment. */
	public String status() {
		return jdbc.sql("select status from assessment where team_id = ? and quarter_id = ?")
			.params(team.id(), quarter.id())
			.query(String.class)
			.single();
	}

	/** No answer of the team has been given and no change recorded but the start. */
	public boolean untouched() {
		return jdbc.sql("""
				select count(*) = 0 from answer an join assessment a on a.id = an.assessment_id
				where a.team_id = ?
				  and (an.level is not null or an.not_applicable or an.comment is not null or an.version > 0)""")
			.param(team.id())
			.query(Boolean.class)
			.single() && jdbc.sql("""
					select count(*) from assessment_event e join assessment a on a.id = e.assessment_id
					where a.team_id = ? and e.kind <> 'START'""").param(team.id()).query(Long.class).single() == 0;
	}

}
