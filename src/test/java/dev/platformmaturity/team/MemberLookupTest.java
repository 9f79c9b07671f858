package dev.platformmaturity.team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adding a member by part of a name or username: administrators get suggestions while
 * typing (JSON for the page's script), and without script the Add button lists who
 * matches; nothing is added until one person is chosen.
 */
@IntegrationTest
class MemberLookupTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	TestData.Person admin;

	TestData.Team team;

	String surname;

	TestData.Person first;

	TestData.Person second;

	TestData.Person member;

	@BeforeEach
	void threeNamesakesOneOfThemAMember() {
		admin = data.person(Role.ADMIN);
		team = data.team("Lookup");
		surname = TestData.unique("Quillfeather");
		first = named("Ada " + surname);
		second = named("Bo " + surname);
		member = named("Cy " + surname);
		data.join(member, team);
		TestData.Person disabled = named("Di " + surname);
		jdbc.sql("update person set enabled = false where id = ?").param(disabled.id()).update();
	}

	@Test
	void suggestionsAreThePeopleWhoCouldJoinAndMatchWhatWasTyped() throws Exception {
		mvc.perform(get(candidates(surname.toUpperCase())).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].username").value(containsInAnyOrder(first.username(), second.username())))
			.andExpect(jsonPath("$[*].name").value(contains("Ada " + surname, "Bo " + surname)));
		mvc.perform(get(candidates(first.username())).with(asAdmin()))
			.andExpect(jsonPath("$[*].username").value(contains(first.username())));
		mvc.perform(get(candidates("%")).with(asAdmin())).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get(candidates("  ")).with(asAdmin())).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void atMostTenAreSuggested() throws Exception {
		String common = TestData.unique("Manyfold");
		for (int i = 0; i < 12; i++) {
			named(common + " " + i);
		}
		mvc.perform(get(candidates(common)).with(asAdmin())).andExpect(jsonPath("$", hasSize(10)));
	}

	@Test
	void onlyAdministratorsAskForSuggestions() throws Exception {
		mvc.perform(get(candidates(surname)).with(user(data.principal(member)))).andExpect(status().isForbidden());
		mvc.perform(get(candidates(surname)).with(user(data.principal(data.person(Role.LEAD)))))
			.andExpect(status().isForbidden());
	}

	@Test
	void withoutScriptAddListsWhoMatchesAndAddsNobodyUntilOneIsChosen() throws Exception {
		String page = mvc.perform(post(members()).with(asAdmin()).with(csrf()).param("username", surname))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Who do you mean by “" + surname + "”?", "Ada " + surname, "Bo " + surname,
				"name=\"username\" value=\"" + first.username() + "\"", "Add Ada " + surname + " to the team");
		assertThat(page).doesNotContain("Di " + surname);
		assertThat(members(team)).isEqualTo(1);

		mvc.perform(post(members()).with(asAdmin()).with(csrf()).param("username", first.username()))
			.andExpect(redirectedUrl("/admin/teams/" + team.slug()));
		assertThat(members(team)).isEqualTo(2);
	}

	@Test
	void whatMatchesNobodyIsSaidInTheAdministratorsLanguage() throws Exception {
		String nobody = TestData.unique("Nobody-by-this-name");
		mvc.perform(post(members()).with(asAdmin()).with(csrf()).param("username", nobody))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("No one who could join matches “" + nobody + "”", "value=\"" + nobody + "\""));
		mvc.perform(post(members()).with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.param("username", nobody))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("没有可加入的人员与“" + nobody + "”匹配"));
		mvc.perform(post(members()).with(asAdmin()).with(csrf()).param("username", member.username()))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains(member.username() + " is already a member of this team."));
		assertThat(members(team)).isEqualTo(1);
	}

	private TestData.Person named(String name) {
		TestData.Person person = data.person(Role.MEMBER);
		jdbc.sql("update person set display_name = ? where id = ?").params(name, person.id()).update();
		return person;
	}

	private long members(TestData.Team team) {
		return jdbc.sql("select count(*) from membership where team_id = ?")
			.param(team.id())
			.query(Long.class)
			.single();
	}

	private String candidates(String typed) {
		return "/admin/teams/" + team.slug() + "/candidates?q="
				+ java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String members() {
		return "/admin/teams/" + team.slug() + "/members";
	}

	private RequestPostProcessor asAdmin() {
		return user(data.principal(admin));
	}

}
