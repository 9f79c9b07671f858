package dev.platformmaturity.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.platformmaturity.support.Browser;
import dev.platformmaturity.support.BrowserTest;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestIdentityProvider;
import dev.platformmaturity.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through OpenID Connect, in Chromium, against a real provider (Spring
 * Authorization Server) running in the test, through the whole redirect flow. Local
 * passwords are turned off here, with the recovery administrator allowed.
 */
@BrowserTest
class ProviderSignInBrowserTest {

	static final TestIdentityProvider provider = TestIdentityProvider.start();

	static final String PASSWORD = "provider password";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry settings) {
		String company = "app.sign-in.providers.company.";
		settings.add(company + "issuer-uri", provider::issuer);
		settings.add(company + "client-id", () -> TestIdentityProvider.CLIENT_ID);
		settings.add(company + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		settings.add(company + "display-name", () -> "Company SSO");
		settings.add(company + "role-claim", () -> "groups");
		settings.add(company + "administrator-values", () -> "pm-admins");
		settings.add(company + "lead-values", () -> "pm-leads,architects");
		settings.add(company + "team-claim", () -> "teams");
		String down = "app.sign-in.providers.down.";
		settings.add(down + "issuer-uri", () -> "http://127.0.0.1:" + closedPort());
		settings.add(down + "client-id", () -> "nobody");
		settings.add(down + "display-name", () -> "Backup SSO");
		settings.add("app.sign-in.local-passwords", () -> "false");
		settings.add("app.sign-in.recovery-administrator", () -> "true");
	}

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeEach
	void registerTheRedirect() {
		provider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/company");
	}

	@AfterAll
	static void stopTheProvider() {
		provider.close();
	}

	@Test
	void theFirstSignInCreatesThePersonAndEverySignInFollowsTheClaims(Browser browser) {
		TestData.Team payments = data.team("Payments");
		TestData.Team mobile = data.team("Mobile");
		String username = TestData.unique("Ada.Admin");
		provider.person(username, PASSWORD,
				Map.of("preferred_username", username, "name", "Ada Lovelace", "email", username + "@company.example",
						"locale", "zh-CN", "groups", List.of("staff", "pm-admins"), "teams",
						List.of(payments.slug(), "no-such-team")));

		signIn(browser, username);

		assertThat(browser.currentPath()).isEqualTo("/");
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.text(By.cssSelector(".account-menu__name"))).isEqualTo("Ada Lovelace");
		String person = username.toLowerCase();
		assertThat(jdbc.sql("""
				select role || '/' || preferred_language || '/' || email || '/' || identity_provider || '/'
				       || (password_hash is null) from person where username = ?""")
			.param(person)
			.query(String.class)
			.single()).isEqualTo("ADMIN/zh-CN/" + username + "@company.example/company/true");
		assertThat(teamsOf(person)).containsExactly(payments.slug());
		browser.open("/admin/people");
		assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
		assertThat(browser.currentPath()).isEqualTo("/admin/people");

		browser.signOut();
		provider.person(username, PASSWORD, Map.of("preferred_username", username, "name", "Ada King", "email",
				"ada.king@company.example", "locale", "en", "groups", "architects", "teams", List.of(mobile.slug())));
		signIn(browser, username);

		assertThat(jdbc
			.sql("select display_name || '/' || role || '/' || email || '/' || preferred_language "
					+ "from person where username = ?")
			.param(person)
			.query(String.class)
			.single()).isEqualTo("Ada King/LEAD/ada.king@company.example/zh-CN");
		assertThat(teamsOf(person)).containsExactly(mobile.slug());
		browser.open("/admin/people");
		assertThat(browser.pageText()).doesNotContain("Exception");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("您无权打开此页面");
	}

	@Test
	void anUnknownRoleMakesAMemberAndAMissingEmailIsNoProblem(Browser browser) {
		String username = TestData.unique("grace");
		provider.person(username, PASSWORD,
				Map.of("preferred_username", username, "name", "Grace Hopper", "groups", List.of("compilers", "navy")));

		signIn(browser, username);

		assertThat(browser.currentPath()).isEqualTo("/");
		assertThat(jdbc
			.sql("select role || '/' || coalesce(email, '-') || '/' || preferred_language from person "
					+ "where username = ?")
			.param(username)
			.query(String.class)
			.single()).isEqualTo("MEMBER/-/en");
	}

	@Test
	void aDisabledPersonCannotSignInThroughTheProvider(Browser browser) {
		String username = TestData.unique("barbara");
		provider.person(username, PASSWORD, Map.of("preferred_username", username, "name", "Barbara Liskov"));
		signIn(browser, username);
		browser.signOut();
		jdbc.sql("update person set enabled = false where username = ?").param(username).update();

		browser.open("/login");
		browser.clickAndLoad(By.id("provider-company"));
		browser.waitUntil(driver -> driver.getCurrentUrl().contains("/login?providerFailed"));

		assertThat(browser.text(By.cssSelector(".notice--error")))
			.isEqualTo("Your account is disabled in Platform Maturity. Ask an administrator to enable it.");
		assertThat(browser.pageText()).doesNotContain("Exception");
	}

	@Test
	void aClaimOfAnUnexpectedKindIsExplained(Browser browser) {
		String username = TestData.unique("edsger");
		provider.person(username, PASSWORD,
				Map.of("preferred_username", username, "name", "Edsger Dijkstra", "groups", 42));

		signInExpectingTrouble(browser, username);

		assertThat(browser.text(By.cssSelector(".notice--error")))
			.startsWith("The identity provider sent a value of an unexpected kind for 'groups'");
		assertThat(
				jdbc.sql("select count(*) from person where username = ?").param(username).query(Long.class).single())
			.isZero();
	}

	@Test
	void aProviderThatCannotBeReachedIsExplainedWithoutAStackTrace(Browser browser) {
		browser.open("/login");
		browser.clickAndLoad(By.id("provider-down"));

		assertThat(browser.currentPath()).isEqualTo("/login?providerFailed");
		assertThat(browser.text(By.cssSelector(".notice--error")))
			.isEqualTo("Backup SSO cannot be reached at the moment. Please try again in a few minutes.");
		assertThat(browser.pageText()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void withLocalPasswordsOffOnlyTheRecoveryAdministratorSignsInWithAPassword(Browser browser) {
		browser.open("/login");
		assertThat(browser.findAll(By.cssSelector(".sign-in-providers a")).stream().map(link -> link.getText()))
			.containsExactly("Sign in with Backup SSO", "Sign in with Company SSO");
		assertThat(browser.text(By.id("password-heading"))).isEqualTo("Recovery sign-in");

		TestData.Person member = data.person(Role.MEMBER);
		WebClient client = new WebClient("http://localhost:" + port);
		assertThat(client.signIn(member.username(), TestData.PASSWORD).headers().firstValue("Location"))
			.contains("/login?error");
		String basic = java.util.Base64.getEncoder()
			.encodeToString((member.username() + ":" + TestData.PASSWORD).getBytes());
		assertThat(client.get("/api/v1/teams", "Authorization", "Basic " + basic).statusCode()).isEqualTo(401);

		String recovery = "the recovery passphrase";
		jdbc.sql("""
				insert into person (username, display_name, preferred_language, password_hash, role)
				values ('admin', 'Administrator', 'en', :hash, 'ADMIN')
				on conflict (username) do update set password_hash = :hash, enabled = true, role = 'ADMIN'""")
			.param("hash", passwordEncoder.encode(recovery))
			.update();
		HttpResponse<String> admin = new WebClient("http://localhost:" + port).signIn("admin", recovery);
		assertThat(admin.headers().firstValue("Location")).contains("/");
		assertThat(admin.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	private void signIn(Browser browser, String username) {
		signInExpectingTrouble(browser, username);
		browser.waitUntil(driver -> driver.getCurrentUrl().startsWith("http://localhost:" + port + "/")
				&& !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Through the provider's own sign-in page when the browser has no session there yet.
	 */
	private void signInExpectingTrouble(Browser browser, String username) {
		browser.open("/login");
		browser.clickAndLoad(By.id("provider-company"));
		if (browser.driver().getCurrentUrl().startsWith(provider.issuer())) {
			browser.find(By.id("username")).sendKeys(username);
			browser.find(By.id("password")).sendKeys(PASSWORD);
			browser.clickAndLoad(By.cssSelector("button[type=submit]"));
		}
		browser.waitUntil(driver -> driver.getCurrentUrl().startsWith("http://localhost:" + port));
	}

	private List<String> teamsOf(String username) {
		return jdbc.sql("""
				select t.slug from membership m join team t on t.id = m.team_id
				join person p on p.id = m.person_id where p.username = ? order by t.slug""")
			.param(username)
			.query(String.class)
			.list();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
