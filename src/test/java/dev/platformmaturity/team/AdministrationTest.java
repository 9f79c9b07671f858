package dev.platformmaturity.team;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators manage groups, teams, people and memberships; bad input is explained and
 * changes nothing.
 */
@IntegrationTest
class AdministrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	TestData.Person admin;

	@BeforeEach
	void administrator() {
		admin = data.person(Role.ADMIN);
	}

	@Test
	void createsAGroupATeamAPersonAndAMembership() throws Exception {
		String groupName = TestData.unique("Retail 零售");
		mvc.perform(post("/admin/groups").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.param("name", groupName)
			.param("enabled", "true")).andExpect(redirectedUrl("/admin/groups"));
		long groupId = jdbc.sql("select id from team_group where name = ?").param(groupName).query(Long.class).single();

		String slug = TestData.unique("cards");
		mvc.perform(post("/admin/teams").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.param("slug", slug)
			.param("name", "银行卡团队")
			.param("groupId", String.valueOf(groupId))
			.param("enabled", "true")).andExpect(redirectedUrl("/admin/teams/" + slug));

		String username = TestData.unique("new.member");
		mvc.perform(post("/admin/people").with(asAdmin())
			.with(csrf())
			.param("username", username)
			.param("displayName", "新成员")
			.param("email", username + "@example.org")
			.param("language", "zh-CN")
			.param("role", "MEMBER")
			.param("password", "a long enough password")).andExpect(redirectedUrl("/admin/people"));

		mvc.perform(post("/admin/teams/" + slug + "/members").with(asAdmin()).with(csrf()).param("username", username))
			.andExpect(redirectedUrl("/admin/teams/" + slug));

		assertThat(jdbc.sql("""
				select count(*) from membership m join person p on p.id = m.person_id join team t on t.id = m.team_id
				where p.username = ? and t.slug = ? and p.role = 'MEMBER' and p.preferred_language = 'zh-CN'""")
			.params(username, slug)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/admin/teams/" + slug).with(asAdmin())).andExpect(content().string(containsString("新成员")));
	}

	@Test
	void aDuplicateSlugIsExplainedInEnglishAndInChineseAndNothingIsCreated() throws Exception {
		TestData.Team existing = data.team("Existing");
		long teamsBefore = count("team");

		mvc.perform(post("/admin/teams").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.header("Accept-Language", "en")
			.param("slug", existing.slug())
			.param("name", "Copy")
			.param("groupId", String.valueOf(existing.groupId())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("The short name " + existing.slug() + " is already used by another team.")))
			.andExpect(content().string(containsString("value=\"Copy\"")));
		mvc.perform(post("/admin/teams").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.header("Accept-Language", "zh-CN")
			.param("slug", existing.slug())
			.param("name", "Copy")
			.param("groupId", String.valueOf(existing.groupId())))
			.andExpect(content().string(containsString("简称 " + existing.slug() + " 已被其他团队使用。")));
		assertThat(count("team")).isEqualTo(teamsBefore);
	}

	@Test
	void anUnknownGroupAndAnInvalidSlugAreRefused() throws Exception {
		long teamsBefore = count("team");
		mvc.perform(post("/admin/teams").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.param("slug", TestData.unique("fine"))
			.param("name", "Team")
			.param("groupId", "999999999")).andExpect(content().string(containsString("Choose an existing group.")));
		mvc.perform(post("/admin/teams").with(asAdmin())
			.with(csrf())
			.param("version", "0")
			.param("slug", "Not A Slug")
			.param("name", "Team")
			.param("groupId", "1"))
			.andExpect(
					content().string(containsString("Use lower-case letters and digits, separated by single dashes")));
		assertThat(count("team")).isEqualTo(teamsBefore);
	}

	@Test
	void anInvalidEmailAndAWeakPasswordAreExplainedInBothLanguages() throws Exception {
		long peopleBefore = count("person");
		String username = TestData.unique("weak");

		mvc.perform(post("/admin/people").with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "en")
			.param("username", username)
			.param("displayName", "Weak")
			.param("email", "not-an-email")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter an e-mail address like name@example.org.")))
			.andExpect(content().string(containsString("The password needs at least 12 characters.")))
			.andExpect(content().string(containsString("value=\"" + username + "\"")));
		mvc.perform(post("/admin/people").with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.param("username", username)
			.param("displayName", "Weak")
			.param("email", "not-an-email")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("password", username + "-and-more"))
			.andExpect(content().string(containsString("请输入类似 name@example.org 的电子邮箱地址。")))
			.andExpect(content().string(containsString("密码不能包含用户名。")));
		assertThat(count("person")).isEqualTo(peopleBefore);
	}

	@Test
	void aTakenUsernameAndATakenEmailAreRefused() throws Exception {
		TestData.Person existing = data.person(Role.MEMBER);
		mvc.perform(post("/admin/people").with(asAdmin())
			.with(csrf())
			.param("username", existing.username().toUpperCase())
			.param("displayName", "Copy")
			.param("email", existing.username() + "@EXAMPLE.org")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("password", "a long enough password"))
			.andExpect(content().string(containsString("The username " + existing.username() + " is already taken.")))
			.andExpect(content().string(containsString("Another person already uses this e-mail address.")));
	}

	@Test
	void aDisabledPersonCannotSignIn() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		long version = jdbc.sql("select version from person where id = ?")
			.param(person.id())
			.query(Long.class)
			.single();
		mvc.perform(post("/admin/people/" + person.id()).with(asAdmin())
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("displayName", "Leaver")
			.param("email", "")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("enabled", "false")).andExpect(redirectedUrl("/admin/people"));

		mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
			.user(person.username())
			.password(TestData.PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aStaleEditIsRefusedWithoutOverwriting() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		mvc.perform(post("/admin/people/" + person.id()).with(asAdmin())
			.with(csrf())
			.param("version", "99")
			.param("displayName", "Overwritten")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("enabled", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this in the meantime.")));
		assertThat(jdbc.sql("select display_name from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single()).isEqualTo("Test " + person.username());
	}

	@Test
	void administratorsCannotDemoteThemselves() throws Exception {
		long version = jdbc.sql("select version from person where id = ?").param(admin.id()).query(Long.class).single();
		mvc.perform(post("/admin/people/" + admin.id()).with(asAdmin())
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("displayName", "Me")
			.param("language", "en")
			.param("role", "MEMBER")
			.param("enabled", "true"))
			.andExpect(content().string(containsString("You cannot take away your own administrator rights")));
		assertThat(jdbc.sql("select role from person where id = ?").param(admin.id()).query(String.class).single())
			.isEqualTo("ADMIN");
	}

	@Test
	void listsArePagedAndSearchable() throws Exception {
		String marker = TestData.unique("pagedsearch");
		long groupId = data.group("paging");
		for (int i = 0; i < 27; i++) {
			data.team(marker + " " + i, groupId);
		}
		mvc.perform(get("/admin/teams").param("q", marker).with(asAdmin()))
			.andExpect(content().string(containsString("Page 1 of 2 (27 in all)")));
		mvc.perform(get("/admin/teams").param("q", marker).param("page", "1").with(asAdmin()))
			.andExpect(content().string(containsString("Page 2 of 2 (27 in all)")));
		mvc.perform(get("/admin/teams").param("q", "%").with(asAdmin())).andExpect(status().isOk());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor asAdmin() {
		return user(data.principal(admin));
	}

}
