package dev.platformmaturity.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** People keep their own profile and password. */
@IntegrationTest
class AccountTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonChangesTheirPasswordAndSignsInWithTheNewOne() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		mvc.perform(post("/account/password").with(user(data.principal(person)))
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "my brand new passphrase")
			.param("confirmPassword", "my brand new passphrase")).andExpect(redirectedUrl("/account"));

		mvc.perform(formLogin().user(person.username()).password("my brand new passphrase")).andExpect(authenticated());
	}

	@Test
	void aWrongCurrentPasswordAWeakOneOrAMismatchChangeNothing() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		String hashBefore = hash(person);

		mvc.perform(post("/account/password").with(user(data.principal(person)))
			.with(csrf())
			.param("currentPassword", "not my password")
			.param("newPassword", "my brand new passphrase")
			.param("confirmPassword", "my brand new passphrase"))
			.andExpect(content().string(containsString("The current password is not right.")));
		mvc.perform(post("/account/password").with(user(data.principal(person)))
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "too short")
			.param("confirmPassword", "too short")).andExpect(content().string(containsString("密码至少需要 12 个字符。")));
		mvc.perform(post("/account/password").with(user(data.principal(person)))
			.with(csrf())
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "my brand new passphrase")
			.param("confirmPassword", "my brand new passphrasE"))
			.andExpect(content().string(containsString("The two new passwords differ.")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("my brand new passphrase"))));

		assertThat(hash(person)).isEqualTo(hashBefore);
	}

	@Test
	void aPersonUpdatesTheirProfileAndTheInterfaceFollowsTheirLanguage() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		mvc.perform(post("/account/profile").with(user(data.principal(person)))
			.with(csrf())
			.param("displayName", "李娜")
			.param("email", "")
			.param("language", "zh-CN"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(cookie().value("lang", "zh-CN"));

		assertThat(jdbc.sql(
				"select display_name || '/' || preferred_language || '/' || coalesce(email, '-') from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single()).isEqualTo("李娜/zh-CN/-");
		mvc.perform(get("/account").with(user(data.principal(person)))
			.header("Accept-Language", "en")
			.cookie(new jakarta.servlet.http.Cookie("lang", "zh-CN")))
			.andExpect(content().string(containsString("您的账户")));
	}

	@Test
	void switchingTheLanguageWhileSignedInBecomesThePreferredLanguage() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		mvc.perform(get("/model").param("lang", "zh-CN").with(user(data.principal(person))));

		assertThat(jdbc.sql("select preferred_language from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single()).isEqualTo("zh-CN");
	}

	private String hash(TestData.Person person) {
		return jdbc.sql("select password_hash from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single();
	}

}
