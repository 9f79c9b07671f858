package dev.platformmaturity.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import dev.platformmaturity.support.EmbeddedDatabase;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database fails under the application: it is stopped for 10 s while members save
 * answers through the API as the answering page does, or it refuses writes. On its own
 * embedded PostgreSQL, so that no other test notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ DatabaseOutageTest.OwnDatabase.class, TestData.class, TestAssessments.class })
@DirtiesContext
class DatabaseOutageTest {

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	/**
	 * The pool waits 3 s for a connection; "gave up, did not hang" allows well over that.
	 */
	private static final Duration GAVE_UP = Duration.ofSeconds(10);

	private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments assessments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	TestData.Team team;

	TestData.Quarter quarter;

	ExecutorService threads;

	volatile boolean running = true;

	static class OwnDatabase {

		@Bean(destroyMethod = "close")
		EmbeddedDatabase outageDatabase() {
			return EmbeddedDatabase.temporary();
		}

	}

	@BeforeEach
	void anAssessmentInProgress() {
		team = data.team("Outage");
		quarter = data.openQuarter();
		assessments.inProgress(team, quarter, data.member(team)).load();
		threads = Executors.newCachedThreadPool();
	}

	@AfterEach
	void stopLoad() throws Exception {
		running = false;
		threads.shutdown();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		database.start();
	}

	@Test
	void anOutageUnderAutosaveLoadLosesNoAcknowledgedSaveFailsFastAndRecoversByItself() throws Exception {
		List<Member> members = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			members.add(new Member(data.member(team), "investment_" + i, i == 1 ? "zh-CN" : "en"));
		}
		for (Member member : members) {
			member.signIn();
		}
		List<Probe> health = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> load = new ArrayList<>();
		members.forEach(member -> load.add(threads.submit(() -> member.keepSaving())));
		threads.submit(() -> watchHealth(health));
		Member browser = new Member(data.member(team), null, "zh-CN");
		browser.signIn();

		Thread.sleep(3000);
		database.stop();
		Instant stopped = Instant.now();
		Thread.sleep(OUTAGE.toMillis() / 2);
		HttpResponse<String> page = browser.send(browser.request("/teams").header("Accept", "text/html").GET());
		Thread.sleep(OUTAGE.toMillis() / 2);
		Instant restarting = Instant.now();
		database.start();
		Instant back = Instant.now();
		Thread.sleep(8000);
		running = false;
		for (Future<?> member : load) {
			member.get(30, TimeUnit.SECONDS);
		}

		for (Member member : members) {
			List<Save> saves = member.saves;
			assertThat(saves).as("%s: only 200, 409 or 503, never another error", member)
				.allSatisfy(save -> assertThat(save.status()).isIn(200, 409, 503));
			assertThat(saves).as("%s: every answer gave up or succeeded in time", member)
				.allSatisfy(save -> assertThat(save.took()).isLessThan(GAVE_UP));
			assertThat(saves).as("%s: saved before the outage", member)
				.anyMatch(save -> save.status() == 200 && save.at().isBefore(stopped));
			List<Save> duringOutage = saves.stream()
				.filter(save -> save.at().isAfter(stopped) && save.at().plus(save.took()).isBefore(restarting))
				.toList();
			assertThat(duringOutage).as("%s: tried during the outage", member).hasSizeGreaterThan(3);
			assertThat(duringOutage).as("%s: every failure a 503 problem with Retry-After", member).allSatisfy(save -> {
				assertThat(save.status()).isEqualTo(503);
				assertThat(save.retryAfter()).isNotBlank();
				assertThat(save.contentType()).startsWith("application/problem+json");
				assertThat(save.detail()).isEqualTo(member.language().equals("zh-CN") ? "数据库暂时无法使用，请几秒钟后再试。"
						: "The database is briefly unavailable. Please try again in a few seconds.");
			});
			assertThat(saves).as("%s: saving again within 5 s of the database's return", member)
				.anyMatch(save -> save.status() == 200 && save.at().isAfter(back)
						&& save.at().plus(save.took()).isBefore(back.plus(FIVE_SECONDS)));
			member.assertNoAcknowledgedSaveLost();
		}

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("lang=\"zh-CN\"", "应用暂时无法连接数据库", "重试", "href=\"/teams\"");

		assertThat(health).as("health answers at once, also during the outage")
			.allSatisfy(probe -> assertThat(probe.took()).isLessThan(Duration.ofSeconds(2)));
		assertThat(health).as("liveness stays UP")
			.filteredOn(probe -> probe.path().endsWith("liveness"))
			.allSatisfy(probe -> assertThat(probe.status()).isEqualTo(200));
		for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
			List<Probe> probes = health.stream().filter(probe -> probe.path().equals(path)).toList();
			assertThat(probes).as("%s UP before the outage", path)
				.anyMatch(probe -> probe.status() == 200 && probe.at().isBefore(stopped));
			assertThat(probes).as("%s DOWN within 5 s of the outage", path)
				.anyMatch(probe -> probe.status() == 503 && probe.at().isBefore(stopped.plus(FIVE_SECONDS)));
			assertThat(probes).as("%s DOWN until the database is back", path)
				.filteredOn(probe -> probe.at().isAfter(stopped.plus(FIVE_SECONDS)) && probe.at().isBefore(restarting))
				.isNotEmpty()
				.allSatisfy(probe -> assertThat(probe.status()).isEqualTo(503));
			assertThat(probes).as("%s UP again within 5 s of the database's return", path)
				.anyMatch(probe -> probe.status() == 200 && probe.at().isAfter(back)
						&& probe.at().isBefore(back.plus(FIVE_SECONDS)));
		}
	}

	@Test
	void aDatabaseThatRefusesWritesTakesTheApplicationOutOfReadinessAndSavesAnswer503() throws Exception {
		Member member = new Member(data.member(team), "adoption_1", "en");
		member.signIn();
		assertThat(member.save(1).status()).isEqualTo(200);

		readOnly(true);
		try {
			awaitStatus("/actuator/health/readiness", 503);
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			Save refused = member.save(2);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.retryAfter()).isNotBlank();
			assertThat(refused.detail())
				.isEqualTo("The database is briefly unavailable. Please try again in a few seconds.");
			HttpResponse<String> read = member.send(member.request("/teams").header("Accept", "text/html").GET());
			assertThat(read.statusCode()).as("a page read whose session was used within the minute writes nothing")
				.isEqualTo(200);

			sessionsLastUsedTwoMinutesAgo();
			HttpResponse<String> page = member.send(member.request("/teams").header("Accept", "text/html").GET());
			assertThat(page.statusCode()).as("a page read whose session's last use is due to be written")
				.isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("The application cannot reach its database right now");
		}
		finally {
			readOnly(false);
		}
		awaitStatus("/actuator/health/readiness", 200);
		assertThat(member.save(3).status()).isEqualTo(200);
		member.assertNoAcknowledgedSaveLost();
	}

	/**
	 * As an operator would: for the whole server, every session included, on a connection
	 * of its own.
	 */
	private void readOnly(boolean readOnly) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("set default_transaction_read_only = off");
			statement.execute(readOnly ? "alter system set default_transaction_read_only = on"
					: "alter system reset default_transaction_read_only");
			statement.execute("select pg_reload_conf()");
		}
	}

	/**
	 * Behind the read-only setting, on a connection of its own, as {@link #readOnly}
	 * does.
	 */
	private void sessionsLastUsedTwoMinutesAgo() throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("set default_transaction_read_only = off");
			statement.execute("update spring_session set last_access_time = last_access_time - 120000");
		}
	}

	private void awaitStatus(String path, int status) throws Exception {
		Instant deadline = Instant.now().plus(FIVE_SECONDS);
		while (get(path).statusCode() != status) {
			assertThat(Instant.now()).as("%s answers %d within 5 s", path, status).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private record Probe(String path, Instant at, Duration took, int status) {
	}

	private void watchHealth(List<Probe> probes) {
		while (running) {
			for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
				Instant at = Instant.now();
				try {
					int status = get(path).statusCode();
					probes.add(new Probe(path, at, Duration.between(at, Instant.now()), status));
				}
				catch (Exception failed) {
					probes.add(new Probe(path, at, Duration.between(at, Instant.now()), -1));
				}
			}
			pause(200);
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private record Save(int number, Instant at, Duration took, int status, String retryAfter, String contentType,
			String detail) {
	}

	/**
	 * A member answering one question over and over through the API with a browser
	 * session, as the page does.
	 */
	private final class Member {

		private final TestData.Person person;

		private final String question;

		private final String language;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final List<Save> saves = new ArrayList<>();

		private final List<Integer> acknowledged = new ArrayList<>();

		private String csrfHeader;

		private String csrfToken;

		private long version;

		Member(TestData.Person person, String question, String language) {
			data.prefer(person, language);
			this.person = person;
			this.question = question;
			this.language = language;
		}

		String language() {
			return language;
		}

		void signIn() throws Exception {
			String form = send(request("/login").GET()).body();
			Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
			assertThat(token.find()).as("the sign-in form has a CSRF token").isTrue();
			HttpResponse<String> signedIn = send(
					request("/login").header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(person.username()) + "&password="
								+ encode(TestData.PASSWORD) + "&_csrf=" + encode(token.group(1)))));
			assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
			JsonNode csrf = json
				.readTree(send(request("/api/v1/csrf").header("Accept", "application/json").GET()).body());
			csrfHeader = csrf.path("headerName").asString();
			csrfToken = csrf.path("token").asString();
		}

		void keepSaving() {
			int number = 0;
			while (running) {
				save(++number);
				pause(100);
			}
		}

		Save save(int number) {
			String body = "{\"option\":\"%s:%d\",\"notApplicable\":false,\"comment\":\"%s\",\"version\":%d}"
				.formatted(question, 1 + number % 4, comment(number), version);
			Instant at = Instant.now();
			Save save;
			try {
				HttpResponse<String> response = send(request(
						"/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label() + "/answers/" + question)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header(csrfHeader, csrfToken)
					.PUT(HttpRequest.BodyPublishers.ofString(body)));
				JsonNode answer = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
				if (response.statusCode() == 200) {
					version = answer.path("answer").path("version").asLong();
					acknowledged.add(number);
				}
				else if (response.statusCode() == 409) {
					version = answer.path("current").path("version").asLong();
				}
				save = new Save(number, at, Duration.between(at, Instant.now()), response.statusCode(),
						response.headers().firstValue("Retry-After").orElse(""),
						response.headers().firstValue("Content-Type").orElse(""), answer.path("detail").asString(""));
			}
			catch (Exception failed) {
				save = new Save(number, at, Duration.between(at, Instant.now()), -1, "", "", String.valueOf(failed));
			}
			saves.add(save);
			return save;
		}

		/**
		 * Every acknowledged save is in the history, and the stored answer is the last
		 * acknowledged one or a later attempt (one whose answer was lost on the way back
		 * can still have been saved).
		 */
		void assertNoAcknowledgedSaveLost() {
			assertThat(acknowledged).isNotEmpty();
			List<String> history = jdbc.sql("""
					select e.new_value from assessment_event e join assessment a on a.id = e.assessment_id
					where a.team_id = ? and e.kind = 'COMMENT' and e.subject = ?""")
				.params(team.id(), question)
				.query(String.class)
				.list();
			assertThat(history).as("%s: every acknowledged save is in the history", this)
				.containsAll(acknowledged.stream().map(this::comment).toList());
			String stored = jdbc.sql("""
					select an.comment from answer an join assessment a on a.id = an.assessment_id
					join question q on q.id = an.question_id where a.team_id = ? and q.key = ?""")
				.params(team.id(), question)
				.query(String.class)
				.single();
			int last = acknowledged.get(acknowledged.size() - 1);
			assertThat(Integer.parseInt(stored.substring(stored.lastIndexOf(' ') + 1)))
				.as("%s: the stored answer is the last acknowledged one or a later one", this)
				.isGreaterThanOrEqualTo(last);
		}

		private String comment(int number) {
			return person.username() + " save " + number;
		}

		HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept-Language", language);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return person.username() + " on " + question;
		}

	}

}
