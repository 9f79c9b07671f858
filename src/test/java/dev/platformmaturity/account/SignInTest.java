package dev.platformmaturity.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSignsInWithTheirPasswordAndGetsTheirLanguage() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		jdbc.sql("update person set preferred_language = 'zh-CN' where id = ?").param(person.id()).update();

		mvc.perform(formLogin().user(person.username()).password(TestData.PASSWORD))
			.andExpect(authenticated().withUsername(person.username()))
			.andExpect(redirectedUrl("/"))
			.andExpect(cookie().value("lang", "zh-CN"));
	}

	@Test
	void usernamesIgnoreCaseAndSurroundingSpaces() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		mvc.perform(formLogin().user("  " + person.username().toUpperCase() + " ").password(TestData.PASSWORD))
			.andExpect(authenticated().withUsername(person.username()));
	}

	@Test
	void aWrongPasswordAnUnknownUsernameAndADisabledAccountGetTheSameAnswer() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		TestData.Person disabled = data.person(Role.MEMBER);
		jdbc.sql("update person set enabled = false where id = ?").param(disabled.id()).update();

		mvc.perform(formLogin().user(person.username()).password("not the password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(TestData.unique("nobody")).password("not the password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user(disabled.username()).password(TestData.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theSignInPageKeepsTheTypedUsernameAndExplainsInTheUsersLanguage() throws Exception {
		String username = TestData.unique("typo");
		MvcResult failed = mvc.perform(formLogin().user(username).password("wrong password!")).andReturn();

		mvc.perform(get("/login?error").cookie(failed.getResponse().getCookie("SESSION"))
			.header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("value=\"" + username + "\"")))
			.andExpect(content().string(containsString("用户名或密码不正确。")))
			.andExpect(content().string(not(containsString("wrong password!"))));
	}

	@Test
	void fiveFailuresWithinTheWindowLockTheUsernameEvenForTheRightPassword() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		for (int failure = 1; failure <= 4; failure++) {
			mvc.perform(formLogin().user(person.username()).password("wrong " + failure))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user(person.username()).password("wrong 5"))
			.andExpect(redirectedUrl("/login?locked=15"));

		mvc.perform(formLogin().user(person.username()).password(TestData.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked=15"));
		mvc.perform(get("/login?locked=15"))
			.andExpect(content().string(
					containsString("Too many failed sign-ins for this username. Please try again in 15 minute(s).")));
		mvc.perform(get("/api/v1/teams").with(httpBasic(person.username(), TestData.PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("Too many failed sign-ins")));

		jdbc.sql(
				"update sign_in_throttle set locked_until = now() - interval '1 second', window_start = now() - interval '1 hour' where username = ?")
			.param(person.username())
			.update();
		mvc.perform(formLogin().user(person.username()).password(TestData.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aLockedUnknownUsernameLooksExactlyLikeALockedRealOne() throws Exception {
		String nobody = TestData.unique("nobody");
		for (int failure = 1; failure <= 5; failure++) {
			mvc.perform(formLogin().user(nobody).password("wrong " + failure));
		}
		mvc.perform(formLogin().user(nobody).password("wrong 6")).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void failuresOfOneUsernameDoNotLockAnother() throws Exception {
		TestData.Person attacked = data.person(Role.MEMBER);
		TestData.Person other = data.person(Role.MEMBER);
		for (int failure = 1; failure <= 6; failure++) {
			mvc.perform(formLogin().user(attacked.username()).password("wrong " + failure));
		}
		mvc.perform(formLogin().user(other.username()).password(TestData.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		for (int failure = 1; failure <= 4; failure++) {
			mvc.perform(formLogin().user(person.username()).password("wrong " + failure));
		}
		mvc.perform(formLogin().user(person.username()).password(TestData.PASSWORD)).andExpect(authenticated());
		mvc.perform(formLogin().user(person.username()).password("wrong again"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signingInChangesTheSessionId() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");

		Cookie after = mvc
			.perform(post("/login").cookie(before)
				.param("username", person.username())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
	}

	@Test
	void signInAndStateChangingRequestsWithoutCsrfTokenAreRefused() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		mvc.perform(post("/login").param("username", person.username()).param("password", TestData.PASSWORD))
			.andExpect(redirectedUrl("/login?expired"))
			.andExpect(unauthenticated());
		mvc.perform(get("/login?expired"))
			.andExpect(content().string(containsString("Your session has ended, or the page was open too long.")));
		mvc.perform(post("/account/profile").with(user(data.principal(person)))
			.param("displayName", "Changed")
			.param("language", "en")
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/sign-in/page-expired"));
		mvc.perform(post("/logout").with(user(data.principal(person))))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/sign-in/page-expired"));
		mvc.perform(get("/sign-in/page-expired").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("页面的安全令牌已过期；请刷新页面后重试。")));
		assertThat(jdbc.sql("select display_name from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single()).isEqualTo("Test " + person.username());
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		Cookie session = mvc.perform(formLogin().user(person.username()).password(TestData.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/teams").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/?signedOut"));

		mvc.perform(get("/teams").cookie(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void pagesAndTheApiSendSecurityHeaders() throws Exception {
		for (String path : new String[] { "/", "/login", "/api/v1/model" }) {
			mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
				.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
		}
	}

}
