package dev.platformmaturity.team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may see what: members their teams, leads every team, administrators everything. */
@IntegrationTest
class AccessRulesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Teams teams;

	@Autowired
	TeamAccess access;

	TestData.Team own;

	TestData.Team other;

	TestData.Person member;

	TestData.Person lead;

	TestData.Person admin;

	@BeforeEach
	void organisation() {
		own = data.team("Own team");
		other = data.team("Other team");
		member = data.member(own);
		lead = data.person(Role.LEAD);
		admin = data.person(Role.ADMIN);
	}

	@Test
	void pagesAskAnonymousVisitorsToSignIn() throws Exception {
		for (String path : new String[] { "/teams", "/teams/" + own.slug(), "/account", "/admin", "/admin/people" }) {
			mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
		}
		for (String path : new String[] { "/", "/model", "/about", "/login", "/css/app.css" }) {
			mvc.perform(get(path)).andExpect(status().isOk());
		}
	}

	@Test
	void roleMatrix() throws Exception {
		expect(member, "/teams/" + own.slug(), 200);
		expect(member, "/teams/" + other.slug(), 404);
		expect(member, "/admin", 403);
		expect(member, "/admin/teams", 403);
		expect(member, "/admin/people", 403);
		expect(member, "/account", 200);
		expect(lead, "/teams/" + own.slug(), 200);
		expect(lead, "/teams/" + other.slug(), 200);
		expect(lead, "/admin", 403);
		expect(lead, "/admin/people/new", 403);
		expect(admin, "/teams/" + other.slug(), 200);
		expect(admin, "/admin", 200);
		expect(admin, "/admin/people", 200);
		expect(admin, "/admin/groups", 200);
		expect(admin, "/admin/teams/" + other.slug(), 200);
		expect(admin, "/admin/import", 200);
	}

	@Test
	void anUnknownTeamAndAnotherTeamAnswerTheSameForAMember() throws Exception {
		expect(member, "/teams/no-such-team-" + own.slug(), 404);
		expect(member, "/teams/" + other.slug(), 404);
		mvc.perform(get("/api/v1/teams/" + other.slug()).with(httpBasic(member.username(), TestData.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no team '" + other.slug() + "' that you can see."));
	}

	@Test
	void aDisabledTeamIsHiddenFromItsMembersButNotFromLeads() throws Exception {
		data.disable(own);
		expect(member, "/teams/" + own.slug(), 404);
		expect(lead, "/teams/" + own.slug(), 200);
	}

	@Test
	void theApiListsOnlyTheTeamsTheCallerMaySee() throws Exception {
		TestData.Team second = data.team("Second team");
		data.join(member, second);

		mvc.perform(get("/api/v1/teams").with(httpBasic(member.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].slug", hasItem(own.slug())))
			.andExpect(jsonPath("$[*].slug", not(hasItem(other.slug()))))
			.andExpect(jsonPath("$[?(@.slug == '" + own.slug() + "')].memberCount").value(1))
			.andExpect(jsonPath("$[?(@.slug == '" + own.slug() + "')].group")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("group-"))));
		mvc.perform(get("/api/v1/teams").with(httpBasic(lead.username(), TestData.PASSWORD)))
			.andExpect(jsonPath("$[*].slug", hasItem(other.slug())));
	}

	@Test
	void theApiAnswers401WithoutCredentialsAndCreatesNoSession() throws Exception {
		mvc.perform(get("/api/v1/teams"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"Platform Maturity\""))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/teams").with(httpBasic(member.username(), "wrong password")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/teams").with(httpBasic(member.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void theApiAlsoAcceptsTheBrowserSession() throws Exception {
		mvc.perform(get("/api/v1/teams").with(user(data.principal(member))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void theServiceRefusesAnotherTeamEvenWhenCalledDirectly() {
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
					data.principal(member), null, data.principal(member).getAuthorities()));
		try {
			assertThatThrownBy(() -> teams.team(other.slug())).isInstanceOf(TeamNotFoundException.class);
			assertThatThrownBy(() -> teams.members(other.slug())).isInstanceOf(TeamNotFoundException.class);
			org.assertj.core.api.Assertions.assertThat(teams.team(own.slug()).slug()).isEqualTo(own.slug());
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void eachAccessQuestionIsAskedOnceWithinARequestAndAgainInTheNext() {
		var principal = data.principal(member);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
		try {
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
			assertThat(StatementCounter.count(() -> assertThat(access.canRead(own.slug())).isTrue())).isOne();
			assertThat(StatementCounter.count(() -> assertThat(access.canEdit(own.slug())).isTrue())).isZero();
			assertThat(StatementCounter.count(() -> assertThat(access.canRead(other.slug())).isFalse())).isOne();

			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
			assertThat(StatementCounter.count(() -> assertThat(access.canRead(own.slug())).isTrue())).isOne();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
			SecurityContextHolder.clearContext();
		}
	}

	private void expect(TestData.Person person, String path, int status) throws Exception {
		mvc.perform(get(path).with(user(data.principal(person)))).andExpect(status().is(status));
	}

}
