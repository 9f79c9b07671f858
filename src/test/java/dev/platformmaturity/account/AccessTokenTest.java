package dev.platformmaturity.account;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal access tokens, and which requests need a CSRF token or get a session. */
@IntegrationTest
class AccessTokenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter quarter;

	@BeforeEach
	void memberOfATeamWithAnOpenQuarter() {
		team = data.team("Tokens");
		member = data.member(team);
		quarter = data.openQuarter();
	}

	@Test
	void aTokenIsShownOnceStoredOnlyAsItsHashListedWithItsLastUseAndRevocable() throws Exception {
		String token = createToken(member, "CI pipeline", AccessScope.READ);
		assertThat(token).startsWith("pmat_").hasSize(48);

		assertThat(jdbc.sql("select count(*) from access_token where token_hash = ?")
			.param(AccessTokens.hash(token))
			.query(Long.class)
			.single()).isOne();
		assertThat(jdbc.sql("select count(*) from access_token where token_hash = ? or name = ?")
			.params(token, token)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/account").with(user(data.principal(member))))
			.andExpect(content().string(containsString("CI pipeline")))
			.andExpect(content().string(containsString("never")))
			.andExpect(content().string(not(containsString(token))));

		mvc.perform(get("/api/v1/teams").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].slug").value(team.slug()))
			.andExpect(header().doesNotExist("Set-Cookie"));
		assertThat(jdbc.sql("select last_used_at is not null from access_token where token_hash = ?")
			.param(AccessTokens.hash(token))
			.query(Boolean.class)
			.single()).isTrue();
		mvc.perform(get("/account").with(user(data.principal(member))))
			.andExpect(content().string(not(containsString(">never<"))));

		long id = jdbc.sql("select id from access_token where token_hash = ?")
			.param(AccessTokens.hash(token))
			.query(Long.class)
			.single();
		mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(data.principal(member))).with(csrf()))
			.andExpect(redirectedUrl("/account#tokens"));
		mvc.perform(get("/api/v1/teams").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("This access token is not valid: it is unknown or was revoked."));
	}

	@Test
	void nobodyRevokesAnotherPersonsToken() throws Exception {
		String token = createToken(member, "Mine", AccessScope.READ);
		long id = jdbc.sql("select id from access_token where token_hash = ?")
			.param(AccessTokens.hash(token))
			.query(Long.class)
			.single();
		TestData.Person other = data.person(Role.ADMIN);

		mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(data.principal(other))).with(csrf()));

		mvc.perform(get("/api/v1/teams").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void aReadWriteTokenWritesWithoutCsrfTokenAndAReadTokenIsRefusedWithItsOwnReason() throws Exception {
		String writer = createToken(member, "Writer", AccessScope.READ_WRITE);
		String reader = createToken(member, "Reader", AccessScope.READ);

		mvc.perform(answer("investment_1", 2, 0).header("Authorization", "Bearer " + writer))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(answer("investment_2", 2, 0).header("Authorization", "Bearer " + reader)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("此访问令牌只能读取；如需修改数据，请创建可读写的令牌。"));

		assertThat(answered("investment_1")).isEqualTo(2);
		assertThat(answered("investment_2")).isNull();
	}

	@Test
	void httpBasicWritesWithoutCsrfTokenAndCreatesNoSessionEvenWithACookie() throws Exception {
		Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
		long sessions = sessions();

		mvc.perform(answer("adoption_1", 3, 0).with(httpBasic(member.username(), TestData.PASSWORD)).cookie(anonymous))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));
		mvc.perform(get("/api/v1/teams").with(httpBasic(member.username(), TestData.PASSWORD))
			.cookie(new Cookie("SESSION", "bm90LWEtc2Vzc2lvbg")))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));

		assertThat(answered("adoption_1")).isEqualTo(3);
		assertThat(sessions()).isEqualTo(sessions);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(member.username())
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/teams").cookie(anonymous)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theBrowserSessionKeepsCsrfProtectionAndAnEndedSessionAnswers401() throws Exception {
		Cookie session = mvc.perform(formLogin().user(member.username()).password(TestData.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		mvc.perform(answer("interfaces_1", 1, 0).cookie(session))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail")
				.value("The page's security token has expired; reload the page and try again."));
		mvc.perform(answer("interfaces_1", 1, 0).cookie(session).with(csrf())).andExpect(status().isOk());

		mvc.perform(post("/logout").cookie(session).with(csrf()));
		mvc.perform(answer("interfaces_2", 1, 0).cookie(session).with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Your session has ended: sign in again, then repeat the request."));
		mvc.perform(answer("interfaces_2", 1, 0).cookie(session)).andExpect(status().isUnauthorized());
		assertThat(answered("interfaces_2")).isNull();
	}

	@Test
	void badTokensAndHeadersGetAClear401InTheCallersLanguage() throws Exception {
		String token = createToken(member, "Soon expired", AccessScope.READ);
		jdbc.sql(
				"update access_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 day' "
						+ "where token_hash = ?")
			.param(AccessTokens.hash(token))
			.update();

		expectUnauthorized("Bearer " + token, "This access token expired at");
		expectUnauthorized("Bearer pmat_" + "x".repeat(43),
				"This access token is not valid: it is unknown or was revoked.");
		expectUnauthorized("Bearer not-a-token", "The access token is malformed");
		expectUnauthorized("Bearer ", "The access token is malformed");
		expectUnauthorized("Token abc", "The Authorization header is malformed");
		expectUnauthorized("Basic %%%", "The Authorization header is malformed");
		mvc.perform(get("/api/v1/teams").header("Authorization", "Bearer nope").header("Accept-Language", "zh-CN"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("访问令牌格式不正确")));
	}

	@Test
	void theTokenOfADisabledPersonStopsAtOnce() throws Exception {
		String token = createToken(member, "Until disabled", AccessScope.READ_WRITE);
		mvc.perform(get("/api/v1/teams").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		jdbc.sql("update person set enabled = false where id = ?").param(member.id()).update();

		expectUnauthorized("Bearer " + token, "The account this access token belongs to is disabled.");
		mvc.perform(answer("operations_1", 2, 0).header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(answered("operations_1")).isNull();
	}

	@Test
	void aTokenActsWithThePersonsCurrentRole() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		String token = createToken(admin, "Metrics", AccessScope.READ);
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		jdbc.sql("update person set role = 'MEMBER' where id = ?").param(admin.id()).update();

		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Your account may not do this."));
	}

	@Test
	void aTokenWithoutNameOrWithAnExpiryInThePastOrBeyondAYearIsRefusedAndNothingIsCreated() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		mvc.perform(newToken(member, "  ", today.plusDays(30).toString(), "READ").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("请为令牌命名。")));
		mvc.perform(newToken(member, "Past", today.minusDays(1).toString(), "READ"))
			.andExpect(content().string(containsString("The expiry date has passed; choose a later one.")));
		mvc.perform(newToken(member, "Too long", today.plusYears(1).plusDays(1).toString(), "READ"))
			.andExpect(content().string(containsString(
					"A token is valid for at most one year: choose " + today.plusYears(1) + " or earlier.")));
		mvc.perform(newToken(member, "Garbage date", "31/12/2026", "READ"))
			.andExpect(content().string(containsString("Enter a date like 2027-03-31.")));
		mvc.perform(newToken(member, "No scope", today.plusDays(30).toString(), "EVERYTHING"))
			.andExpect(content().string(containsString("Choose read, or read and write.")));

		assertThat(jdbc.sql("select count(*) from access_token where person_id = ?")
			.param(member.id())
			.query(Long.class)
			.single()).isZero();
	}

	private void expectUnauthorized(String authorization, String detail) throws Exception {
		mvc.perform(get("/api/v1/teams").header("Authorization", authorization))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$.detail").value(containsString(detail)))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	private String createToken(TestData.Person person, String name, AccessScope scope) throws Exception {
		String page = mvc.perform(newToken(person, name, LocalDate.now().plusMonths(6).toString(), scope.name()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("it is shown only this once")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return page.replaceAll("(?s).*id=\"created-token\"[^>]*>([^<]+)<.*", "$1");
	}

	private MockHttpServletRequestBuilder newToken(TestData.Person person, String name, String expiresOn,
			String scope) {
		return post("/account/tokens").with(user(data.principal(person)))
			.with(csrf())
			.param("name", name)
			.param("expiresOn", expiresOn)
			.param("scope", scope);
	}

	private MockHttpServletRequestBuilder answer(String question, int level, long version) {
		return put("/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label() + "/answers/" + question)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\":\"" + question + ":" + level + "\",\"version\":" + version + "}");
	}

	private Integer answered(String question) {
		return jdbc.sql("""
				select a.level from answer a join assessment s on s.id = a.assessment_id
				join question q on q.id = a.question_id
				where s.team_id = ? and s.quarter_id = ? and q.key = ?""")
			.params(team.id(), quarter.id(), question)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	private long sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
