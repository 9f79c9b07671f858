package dev.platformmaturity.account;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

/**
 * How the interface language is chosen: at sign-in the account's language wins over the
 * page's; while signed in, {@code ?lang=} switches the interface and becomes the
 * account's language, as often as the person switches.
 */
@IntegrationTest
class LanguagePreferenceTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void atSignInTheAccountsLanguageWinsOverThePagesLanguage() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		data.prefer(person, "zh-CN");

		mvc.perform(get("/login").param("lang", "en")).andExpect(cookie().value("lang", "en"));
		mvc.perform(post("/login").with(csrf())
			.param("username", person.username())
			.param("password", TestData.PASSWORD)
			.cookie(new Cookie("lang", "en"))).andExpect(authenticated()).andExpect(cookie().value("lang", "zh-CN"));

		assertThat(preferred(person)).as("signing in from an English page changes nothing").isEqualTo("zh-CN");
	}

	@Test
	void whileSignedInEverySwitchIsSavedAsTheAccountsLanguage() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);
		UserDetails signedInAsEnglish = data.principal(person);

		mvc.perform(get("/model").param("lang", "zh-CN").with(user(signedInAsEnglish)))
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		assertThat(preferred(person)).isEqualTo("zh-CN");

		mvc.perform(get("/model").param("lang", "en").with(user(signedInAsEnglish)))
			.andExpect(cookie().value("lang", "en"));
		assertThat(preferred(person)).as("back to English, with the principal of the same sign-in").isEqualTo("en");
	}

	@Test
	void theLanguageIsReadAsTheInterfaceReadsIt() throws Exception {
		TestData.Person person = data.person(Role.MEMBER);

		for (String spelling : new String[] { "zh_CN", "zh-cn", "zh" }) {
			data.prefer(person, "en");
			mvc.perform(get("/model").param("lang", spelling).with(user(data.principal(person))))
				.andExpect(content().string(containsString("lang=\"zh-CN\"")));
			assertThat(preferred(person)).as(spelling).isEqualTo("zh-CN");
		}

		mvc.perform(get("/model").param("lang", "fr").with(user(data.principal(person))));
		assertThat(preferred(person)).as("a language the interface does not have changes nothing").isEqualTo("zh-CN");
	}

	@Test
	void signedOutTheLanguageIsRememberedInTheBrowserOnly() throws Exception {
		mvc.perform(get("/model").param("lang", "zh-CN"))
			.andExpect(cookie().value("lang", "zh-CN"))
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		mvc.perform(get("/model").cookie(new Cookie("lang", "zh-CN")).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		mvc.perform(get("/model").header("Accept-Language", "zh-TW,en;q=0.5"))
			.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		mvc.perform(get("/model").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	private String preferred(TestData.Person person) {
		return jdbc.sql("select preferred_language from person where id = ?")
			.param(person.id())
			.query(String.class)
			.single();
	}

}
