package dev.platformmaturity.system;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SiteTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	TestData.Person admin;

	@BeforeEach
	void createAdministrator() {
		admin = data.person(Role.ADMIN);
	}

	@Test
	void theHomePageExplainsTheModelAndLinksOnward() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The five aspects")))
			.andExpect(content().string(containsString("How are staff and funds allocated to platform capabilities?")))
			.andExpect(content().string(containsString("href=\"/model\"")))
			.andExpect(content().string(containsString("href=\"/about\"")));
	}

	@Test
	void theLanguageParameterWinsAndIsRememberedInACookie() throws Exception {
		mvc.perform(get("/").param("lang", "zh-CN").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("五个方面")))
			.andExpect(cookie().value("lang", "zh-CN"));
		mvc.perform(get("/").cookie(new Cookie("lang", "zh-CN")).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("五个方面")));
		mvc.perform(get("/").cookie(new Cookie("lang", "zh-CN")).param("lang", "en"))
			.andExpect(content().string(containsString("The five aspects")))
			.andExpect(cookie().value("lang", "en"));
	}

	@Test
	void withoutParameterOrCookieTheBrowsersLanguageIsUsedWhenTheInterfaceHasIt() throws Exception {
		mvc.perform(get("/").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
			.andExpect(content().string(containsString("五个方面")));
		mvc.perform(get("/").header("Accept-Language", "fr-FR,zh-TW;q=0.8"))
			.andExpect(content().string(containsString("五个方面")));
		mvc.perform(get("/").header("Accept-Language", "de-DE,fr;q=0.8"))
			.andExpect(content().string(containsString("The five aspects")));
	}

	@Test
	void anUnsupportedLanguageParameterIsIgnored() throws Exception {
		mvc.perform(get("/").param("lang", "fr").cookie(new Cookie("lang", "zh-CN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("五个方面")))
			.andExpect(cookie().doesNotExist("lang"));
	}

	@Test
	void theHeaderHasALanguageSwitcherThatKeepsThePage() throws Exception {
		mvc.perform(get("/model"))
			.andExpect(content().string(containsString("href=\"/model?lang=zh-CN\"")))
			.andExpect(content().string(containsString("href=\"/model?lang=en\"")));
	}

	@Test
	void theAboutPageGivesTheAttributions() throws Exception {
		mvc.perform(get("/about"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CNCF TAG App Delivery")))
			.andExpect(content().string(containsString("CC BY 4.0")))
			.andExpect(content().string(containsString("pemm-assessment")))
			.andExpect(content().string(containsString("Apache License 2.0")))
			.andExpect(content()
				.string(containsString("https://tag-app-delivery.cncf.io/whitepapers/platform-eng-maturity-model/")));
	}

	@Test
	void healthIsPublicWithLivenessAndReadinessGroupsAndMetricsAreForAdministrators() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
		mvc.perform(get("/actuator/env").with(httpBasic(admin.username(), TestData.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aLanguageParameterIsNeverEchoedIntoThePage() throws Exception {
		mvc.perform(get("/model").param("lang", "<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>"))));
	}

}
