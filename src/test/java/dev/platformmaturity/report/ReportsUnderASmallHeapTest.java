package dev.platformmaturity.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.platformmaturity.PlatformMaturityApplication;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.assessment.AssessmentLoader;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reliability: PDF reports under a small heap. The application runs in a JVM of its own
 * with {@code -Xmx384m} on the test database, where a group has 100 teams with two
 * quarters of answers; 12 organisation and 8 team reports of that group are asked for at
 * once. Every answer is a valid PDF or 503 with Retry-After, and the application's log
 * has no OutOfMemoryError.
 */
@IntegrationTest
@Tag("reliability")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportsUnderASmallHeapTest {

	private static final int TEAMS = 100;

	@Autowired
	TestData data;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	ModelCatalog catalog;

	@Test
	void twelveOrganisationAndEightTeamReportsAtOnceGivePdfsOr503WithoutRunningOutOfMemory() throws Exception {
		long group = data.group("Small heap");
		TestData.Quarter earlier = data.closedQuarter();
		TestData.Quarter quarter = data.closedQuarter();
		List<TestData.Team> teams = new ArrayList<>();
		List<Loaded> assessments = new ArrayList<>();
		TestData.Person lead = data.person(Role.LEAD);
		for (int i = 0; i < TEAMS; i++) {
			TestData.Team team = data.team((i % 2 == 0 ? "内存团队 " : "Heap team ") + i, group);
			teams.add(team);
			for (TestData.Quarter each : List.of(earlier, quarter)) {
				assessments.add(new Loaded(team.id(), each.id(), AssessmentStatus.SUBMITTED, lead.id(), Instant.now(),
						levels(i + (int) each.id()), Set.of(), Map.of("investment_1", "评论 comment " + i), Map.of(),
						Set.of()));
			}
		}
		TestData.Person member = data.member(teams.subList(0, 8).toArray(TestData.Team[]::new));
		SystemTask.run(() -> loader.load(catalog.currentVersion(), assessments));

		try (ChildApplication app = ChildApplication.start("-Xmx384m")) {
			List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				answers.add(app.get("/api/v1/reports/organisation.pdf?quarter=" + quarter.label() + "&group=" + group
						+ "&lang=" + (i % 2 == 0 ? "en" : "zh-CN"), lead));
			}
			for (int i = 0; i < 8; i++) {
				answers.add(app.get("/api/v1/teams/" + teams.get(i).slug() + "/assessments/" + quarter.label()
						+ "/report.pdf?lang=" + (i % 2 == 0 ? "zh-CN" : "en"), member));
			}

			int pdfs = 0;
			for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
				HttpResponse<byte[]> response = answer.get(5, TimeUnit.MINUTES);
				if (response.statusCode() == 200) {
					assertThat(pages(response.body())).as("a valid PDF").isPositive();
					pdfs++;
				}
				else if (response.statusCode() == 503) {
					assertThat(response.headers().firstValue("Retry-After"))
						.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
					assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"status\":503");
				}
				else {
					fail("HTTP %d for %s: %s%n%s", response.statusCode(), response.uri(),
							new String(response.body(), StandardCharsets.UTF_8), app.log());
				}
			}
			assertThat(pdfs).as("some reports are rendered").isPositive();
			assertThat(app.log()).doesNotContain("OutOfMemoryError");
		}
	}

	private Map<String, Integer> levels(int seed) {
		Map<String, Integer> levels = new HashMap<>();
		for (MaturityModel.Aspect aspect : catalog.current().aspects()) {
			aspect.questions().forEach(q -> levels.put(q.id(), 1 + Math.floorMod(q.id().hashCode() + seed, 4)));
		}
		return levels;
	}

	private static int pages(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/**
	 * The application in a JVM of its own, started from the test's class path on the test
	 * database with the given JVM options, on a port it chooses and writes to a file; its
	 * output goes to a log file.
	 */
	static final class ChildApplication implements AutoCloseable {

		private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

		/**
		 * The line the application logs when it is ready, with the port it listens on.
		 */
		private static final Pattern READY = Pattern.compile("Platform Maturity is ready: https?://[^:]+:(\\d+)/");

		private final Process process;

		private final Path log;

		private final String base;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		private ChildApplication(Process process, Path log, String base) {
			this.process = process;
			this.log = log;
			this.base = base;
		}

		static ChildApplication start(String... jvmOptions) throws Exception {
			Path work = Files.createDirectories(Path.of("target", "child-application"));
			Path log = Files.createTempFile(work, "application", ".log");
			JdbcConnectionDetails database = TestDatabase.shared();
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse("java"));
			command.addAll(List.of(jvmOptions));
			command.addAll(List.of("-cp",
					System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
					PlatformMaturityApplication.class.getName(), "--server.port=0",
					"--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + database.getUsername(),
					"--spring.datasource.password=" + database.getPassword(), "--app.demo.enabled=false"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				Instant deadline = Instant.now().plus(START_TIMEOUT);
				Matcher address = READY.matcher("");
				while (!address.reset(Files.readString(log)).find()) {
					waitAlive(process, log, deadline);
				}
				ChildApplication app = new ChildApplication(process, log, "http://127.0.0.1:" + address.group(1));
				while (!app.ready()) {
					waitAlive(process, log, deadline);
				}
				return app;
			}
			catch (Exception | AssertionError failed) {
				stop(process);
				throw failed;
			}
		}

		private static void waitAlive(Process process, Path log, Instant deadline) throws Exception {
			if (!process.isAlive()) {
				fail("The application stopped while starting:%n%s", Files.readString(log));
			}
			if (Instant.now().isAfter(deadline)) {
				fail("The application did not start within %s:%n%s", START_TIMEOUT, Files.readString(log));
			}
			Thread.sleep(250);
		}

		private boolean ready() {
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		CompletableFuture<HttpResponse<byte[]>> get(String path, TestData.Person person) {
			String credentials = person.username() + ":" + TestData.PASSWORD;
			return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.timeout(Duration.ofMinutes(5))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}

		String log() throws IOException {
			return Files.readString(log);
		}

		@Override
		public void close() throws InterruptedException {
			stop(process);
		}

		private static void stop(Process process) throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

}
