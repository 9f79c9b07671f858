package dev.platformmaturity.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sessions live in the database and end when the person's access changes. */
@IntegrationTest
class SessionRevocationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void disablingAPersonEndsAllTheirSessionsAtOnce() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person member = data.person(Role.MEMBER);
		Cookie laptop = signIn(member, "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0");
		Cookie phone = signIn(member, "Mozilla/5.0 (iPhone) Safari/605.1");
		mvc.perform(get("/api/v1/teams").cookie(laptop)).andExpect(status().isOk());

		edit(admin, member, "MEMBER", false, "");

		for (Cookie session : new Cookie[] { laptop, phone }) {
			mvc.perform(get("/api/v1/teams").cookie(session)).andExpect(status().isUnauthorized());
			mvc.perform(get("/teams").cookie(session)).andExpect(redirectedUrl("/login"));
		}
		assertThat(sessionsOf(member)).isZero();
	}

	@Test
	void aDemotedAdministratorLosesAdministrationAtTheNextRequest() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person demoted = data.person(Role.ADMIN);
		Cookie session = signIn(demoted, "Firefox/140.0");
		mvc.perform(get("/admin/people").cookie(session)).andExpect(status().isOk());

		edit(admin, demoted, "MEMBER", true, "");

		mvc.perform(get("/admin/people").cookie(session)).andExpect(redirectedUrl("/login"));
		Cookie again = signIn(demoted, "Firefox/140.0");
		mvc.perform(get("/admin/people").cookie(again)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(demoted.username(), TestData.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPasswordSetByAnAdministratorEndsEverySessionOfThePerson() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person member = data.person(Role.MEMBER);
		Cookie session = signIn(member, "Firefox/140.0");

		edit(admin, member, "MEMBER", true, "a brand new passphrase");

		mvc.perform(get("/teams").cookie(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anAdministratorWhoSetsTheirOwnPasswordKeepsOnlyTheirCurrentSession() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		Cookie other = signIn(admin, "Safari/605.1");
		Cookie current = signIn(admin, "Firefox/140.0");
		long version = jdbc.sql("select version from person where id = ?").param(admin.id()).query(Long.class).single();

		Cookie renewed = mvc
			.perform(post("/admin/people/" + admin.id()).cookie(current)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("displayName", "Admin")
				.param("email", "")
				.param("language", "en")
				.param("role", "ADMIN")
				.param("enabled", "true")
				.param("newPassword", "an administrator's new passphrase"))
			.andExpect(redirectedUrl("/admin/people"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(renewed.getValue()).isNotEqualTo(current.getValue());
		mvc.perform(get("/admin/people").cookie(renewed)).andExpect(status().isOk());
		mvc.perform(get("/admin/people").cookie(other)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void changingOtherDetailsKeepsTheSessions() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person member = data.person(Role.MEMBER);
		Cookie session = signIn(member, "Firefox/140.0");

		edit(admin, member, "MEMBER", true, "");

		mvc.perform(get("/teams").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void changingYourOwnPasswordEndsYourOtherSessionsAndRenewsThisOne() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		Cookie other = signIn(member, "Mozilla/5.0 (iPhone) Safari/605.1");
		Cookie current = signIn(member, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

		MvcResult changed = mvc
			.perform(post("/account/password").cookie(current)
				.with(csrf())
				.param("currentPassword", TestData.PASSWORD)
				.param("newPassword", "my brand new passphrase")
				.param("confirmPassword", "my brand new passphrase"))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		Cookie renewed = changed.getResponse().getCookie("SESSION");

		assertThat(renewed).isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(current.getValue());
		mvc.perform(get("/teams").cookie(renewed)).andExpect(status().isOk());
		mvc.perform(get("/teams").cookie(current)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/teams").cookie(other)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void yourAccountListsYourSessionsAndSignsOutEverywhereElse() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		Cookie phone = signIn(member, "Mozilla/5.0 (Linux; Android 15) Chrome/150.0 Mobile Safari/537.36");
		Cookie laptop = signIn(member, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0");

		mvc.perform(get("/account").cookie(laptop))
			.andExpect(content().string(containsString("Firefox · Windows")))
			.andExpect(content().string(containsString("(this browser)")))
			.andExpect(content().string(containsString("Chrome · Android")));

		mvc.perform(post("/account/sessions/end-others").cookie(laptop).with(csrf()))
			.andExpect(redirectedUrl("/account#sessions"));

		mvc.perform(get("/teams").cookie(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account").cookie(laptop))
			.andExpect(content().string(not(containsString("Chrome · Android"))));
		assertThat(sessionsOf(member)).isOne();
	}

	@Test
	void aSessionWhoseSignInThisVersionCannotReadIsSignedOutNotBroken() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		Cookie session = signIn(member, "Firefox/140.0");
		jdbc.sql("""
				update spring_session_attributes set attribute_bytes = decode('aced0005737200', 'hex')
				where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id in
				    (select primary_id from spring_session where principal_name = ?)""")
			.param(member.username())
			.update();

		mvc.perform(get("/teams").cookie(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/teams").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void wrongCurrentPasswordsOnYourAccountCountTowardTheSignInLock() throws Exception {
		TestData.Person member = data.person(Role.MEMBER);
		for (int attempt = 1; attempt <= 4; attempt++) {
			mvc.perform(changePassword(member, "wrong " + attempt))
				.andExpect(content().string(containsString("The current password is not right.")));
		}
		mvc.perform(changePassword(member, "wrong 5"))
			.andExpect(content().string(containsString("Too many failed sign-ins for this username.")));

		mvc.perform(changePassword(member, TestData.PASSWORD))
			.andExpect(content().string(containsString("Too many failed sign-ins for this username.")));
		mvc.perform(formLogin().user(member.username()).password(TestData.PASSWORD))
			.andExpect(redirectedUrl("/login?locked=15"));
		assertThat(jdbc.sql("select password_hash from person where id = ?")
			.param(member.id())
			.query(String.class)
			.single()).contains("bcrypt");
	}

	@Test
	void weakPasswordsAreRefusedEverywhereWithTheSameRule() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		TestData.Person member = data.person(Role.MEMBER);
		for (String weak : new String[] { "abababababab", "qwerty123456", "Password12345" }) {
			mvc.perform(post("/account/password").with(user(data.principal(member)))
				.with(csrf())
				.param("currentPassword", TestData.PASSWORD)
				.param("newPassword", weak)
				.param("confirmPassword", weak))
				.andExpect(content().string(containsString("This password is too easy to guess; choose another.")));
			mvc.perform(post("/admin/people").with(user(data.principal(admin)))
				.with(csrf())
				.param("username", TestData.unique("weak"))
				.param("displayName", "Weak")
				.param("language", "en")
				.param("role", "MEMBER")
				.param("password", weak)
				.header("Accept-Language", "zh-CN")).andExpect(content().string(containsString("此密码太容易被猜到，请换一个。")));
		}
		assertThat(jdbc.sql("select count(*) from person where username like 'weak-%'").query(Long.class).single())
			.isZero();
	}

	private MockHttpServletRequestBuilder changePassword(TestData.Person person, String current) {
		return post("/account/password").with(user(data.principal(person)))
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", "my brand new passphrase")
			.param("confirmPassword", "my brand new passphrase");
	}

	private Cookie signIn(TestData.Person person, String browser) throws Exception {
		return mvc
			.perform(post("/login").with(csrf())
				.header("User-Agent", browser)
				.param("username", person.username())
				.param("password", TestData.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	private void edit(TestData.Person admin, TestData.Person person, String role, boolean enabled, String password)
			throws Exception {
		long version = jdbc.sql("select version from person where id = ?")
			.param(person.id())
			.query(Long.class)
			.single();
		mvc.perform(post("/admin/people/" + person.id()).with(user(data.principal(admin)))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("displayName", "Edited " + person.username())
			.param("email", person.username() + "@example.org")
			.param("language", "en")
			.param("role", role)
			.param("enabled", String.valueOf(enabled))
			.param("newPassword", password)).andExpect(redirectedUrl("/admin/people"));
	}

	private long sessionsOf(TestData.Person person) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(person.username())
			.query(Long.class)
			.single();
	}

}
