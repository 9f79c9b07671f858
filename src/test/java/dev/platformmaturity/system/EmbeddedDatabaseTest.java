package dev.platformmaturity.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The zero-configuration database: durable settings, data kept across restarts, recovery after a killed JVM. */
class EmbeddedDatabaseTest {

	private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

	@Test
	void keepsItsDataAcrossRestartsWithFsyncOn(@TempDir Path dataDir) throws Exception {
		try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir)) {
			execute(first, "create table kept (note text)", "insert into kept values ('still here')");
			assertThat(query(first, "show fsync")).isEqualTo("on");
			assertThat(query(first, "show synchronous_commit")).isEqualTo("on");
		}
		try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir)) {
			assertThat(query(second, "select note from kept")).isEqualTo("still here");
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).content().startsWith("17");
	}

	@Test
	void stopsTheServerAKilledApplicationLeftRunningAndStartsAgain(@TempDir Path dataDir) throws Exception {
		Process application = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(), dataDir.toString()))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.startsWith(EmbeddedDatabaseProcess.READY)) {
				// skip the start-up log
			}
			assertThat(line).as("the child application started its database").isNotNull();
		}
		application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long leftOver = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM")
			.contains(true);

		try (EmbeddedPostgres restarted = configuration.embeddedPostgres(dataDir)) {
			assertThat(query(restarted, "select note from kept")).isEqualTo("written before the crash");
			assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	@Test
	void refusesToTakeOverTheDataOfAnotherRunningInstance(@TempDir Path dataDir) throws Exception {
		try (EmbeddedPostgres running = configuration.embeddedPostgres(dataDir)) {
			assertThatThrownBy(() -> StaleEmbeddedServer.stopIfLeftRunning(dataDir.resolve("postgres")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Another running instance");
			assertThat(query(running, "select 1")).isEqualTo("1");
		}
	}

	static void execute(EmbeddedPostgres postgres, String... statements) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String query(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
				Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	/** Stands in for the application in a separate JVM, so that the test can kill it like a crash would. */
	static class EmbeddedDatabaseProcess {

		static final String READY = "EMBEDDED-DATABASE-READY";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres(Path.of(args[0]));
			execute(postgres, "create table kept (note text)", "insert into kept values ('written before the crash')");
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
