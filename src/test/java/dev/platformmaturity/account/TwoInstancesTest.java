package dev.platformmaturity.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.platformmaturity.PlatformMaturityApplication;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;
import dev.platformmaturity.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL behave like one: shared sessions,
 * revocation everywhere.
 */
class TwoInstancesTest {

	@Test
	void aSessionOfOneInstanceIsAcceptedByTheOtherAndADisabledPersonIsRefusedByBoth() {
		try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext two = start()) {
			TestData data = testData(one);
			TestData.Person admin = data.person(Role.ADMIN);
			TestData.Person member = data.person(Role.MEMBER);

			WebClient memberOnOne = new WebClient(url(one));
			assertThat(memberOnOne.signIn(member.username(), TestData.PASSWORD).headers().firstValue("Location"))
				.contains("/");
			WebClient memberOnTwo = new WebClient(url(two)).withSessionOf(memberOnOne);
			assertThat(memberOnTwo.get("/api/v1/teams").statusCode()).isEqualTo(200);
			assertThat(memberOnTwo.get("/account").body()).contains(member.username());

			WebClient adminOnOne = new WebClient(url(one));
			adminOnOne.signIn(admin.username(), TestData.PASSWORD);
			String form = adminOnOne.get("/admin/people/" + member.id()).body();
			String version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
			HttpResponse<String> disabled = adminOnOne.post("/admin/people/" + member.id(),
					Map.of("version", version, "displayName", "Disabled member", "email", "", "language", "en", "role",
							"MEMBER", "enabled", "false", "newPassword", ""));
			assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(302);

			for (WebClient instance : new WebClient[] { memberOnOne, memberOnTwo }) {
				assertThat(instance.get("/api/v1/teams").statusCode()).isEqualTo(401);
				HttpResponse<String> page = instance.get("/teams");
				assertThat(page.statusCode()).isEqualTo(302);
				assertThat(page.headers().firstValue("Location")).contains("/login");
			}
		}
	}

	@Test
	void sessionsSurviveARestart() {
		WebClient before;
		TestData.Person member;
		try (ConfigurableApplicationContext instance = start()) {
			member = testData(instance).person(Role.MEMBER);
			before = new WebClient(url(instance));
			before.signIn(member.username(), TestData.PASSWORD);
			assertThat(before.get("/teams").statusCode()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext restarted = start()) {
			WebClient after = new WebClient(url(restarted)).withSessionOf(before);
			assertThat(after.get("/teams").statusCode()).isEqualTo(200);
			assertThat(after.get("/account").body()).contains(member.username());
		}
	}

	private static ConfigurableApplicationContext start() {
		JdbcConnectionDetails database = TestDatabase.shared();
		return new SpringApplicationBuilder(PlatformMaturityApplication.class)
			.properties(Map.of("server.port", "0", "spring.datasource.url", database.getJdbcUrl(),
					"spring.datasource.username", database.getUsername(), "spring.datasource.password",
					database.getPassword(), "app.demo.enabled", "false", "spring.main.banner-mode", "off"))
			.run();
	}

	private static String url(ConfigurableApplicationContext instance) {
		return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
	}

	private static TestData testData(ConfigurableApplicationContext instance) {
		return new TestData(instance.getBean(JdbcClient.class), instance.getBean(PasswordEncoder.class),
				instance.getBean(UserDetailsService.class));
	}

}
