package dev.platformmaturity.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The development database: durable settings, data kept across restarts, a password for
 * every connection, recovery after a killed JVM.
 */
class EmbeddedDatabaseTest {

	@Test
	void keepsItsDataAcrossRestartsWithFsyncOn(@TempDir Path dataDir) throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.durable(dataDir)) {
			execute(first, "create table kept (note text)", "insert into kept values ('still here')");
			assertThat(query(first, "show fsync")).isEqualTo("on");
			assertThat(query(first, "show synchronous_commit")).isEqualTo("on");
		}
		try (EmbeddedDatabase second = EmbeddedDatabase.durable(dataDir)) {
			assertThat(query(second, "select note from kept")).isEqualTo("still here");
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).content().startsWith("17");
	}

	@Test
	void refusesConnectionsWithoutThePasswordKeptInTheDataFolder(@TempDir Path dataDir) throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.durable(dataDir)) {
			assertThat(database.passwordFile()).content().isEqualToIgnoringNewLines(database.getPassword());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database.passwordFile())))
				.isEqualTo("rw-------");
			assertThat(database.getPassword()).hasSizeGreaterThanOrEqualTo(32);
			assertThat(query(database, "select 1")).isEqualTo("1");
			for (String host : List.of("localhost", "127.0.0.1")) {
				String url = database.getJdbcUrl().replace("localhost", host);
				assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
					.isInstanceOf(SQLException.class);
				assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not the password"))
					.hasMessageContaining("password authentication failed");
			}
		}
	}

	@Test
	void aDataFolderThatTrustedEveryLocalConnectionRequiresAPasswordFromTheNextStartOn(@TempDir Path dataDir)
			throws Exception {
		Path hba = dataDir.resolve("postgres/pg_hba.conf");
		try (EmbeddedDatabase database = EmbeddedDatabase.durable(dataDir)) {
			execute(database, "create table kept (note text)", "insert into kept values ('made without a password')");
		}
		Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
		Files.delete(dataDir.resolve("postgres.password"));

		try (EmbeddedDatabase database = EmbeddedDatabase.durable(dataDir)) {
			assertThat(query(database, "select note from kept")).isEqualTo("made without a password");
			assertThat(Files.readString(hba)).doesNotContainPattern("(?m)^(local|host)\\s.*trust");
			assertThatThrownBy(() -> DriverManager.getConnection(database.getJdbcUrl(), "postgres", "guess"))
				.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void stopsTheServerAKilledApplicationLeftRunningAndStartsAgain(@TempDir Path dataDir, @TempDir Path source)
			throws Exception {
		Process application = startAndKeep(dataDir, source);
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.startsWith(READY)) {
				// skip the start-up log
			}
			assertThat(line).as("the child application started its database").isNotNull();
		}
		application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long leftOver = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM")
			.contains(true);

		try (EmbeddedDatabase restarted = EmbeddedDatabase.durable(dataDir)) {
			assertThat(query(restarted, "select note from kept")).isEqualTo("written before the crash");
			assertThat(ProcessHandle.of(leftOver).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	@Test
	void refusesToTakeOverTheDataOfAnotherRunningInstance(@TempDir Path dataDir) throws Exception {
		try (EmbeddedDatabase running = EmbeddedDatabase.durable(dataDir)) {
			assertThatThrownBy(() -> StaleEmbeddedServer.stopIfLeftRunning(running.dataDirectory()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Another running instance");
			assertThat(query(running, "select 1")).isEqualTo("1");
		}
	}

	private static final String READY = "EMBEDDED-DATABASE-READY";

	/**
	 * A separate JVM that stands in for the application, so that the test can kill it
	 * like a crash would. It runs from a source file, because a second main class among
	 * the test classes would leave spring-boot:test-run without a single entry point.
	 */
	private static Process startAndKeep(Path dataDir, Path sourceDir) throws Exception {
		Path source = sourceDir.resolve("KilledApplication.java");
		Files.writeString(source, """
				import dev.platformmaturity.support.EmbeddedDatabase;

				public class KilledApplication {
					public static void main(String[] args) throws Exception {
						EmbeddedDatabase database = EmbeddedDatabase.durable(java.nio.file.Path.of(args[0]));
						try (var connection = java.sql.DriverManager.getConnection(database.getJdbcUrl(),
								database.getUsername(), database.getPassword());
								var statement = connection.createStatement()) {
							statement.execute("create table kept (note text)");
							statement.execute("insert into kept values ('written before the crash')");
						}
						System.out.println("%s");
						System.out.flush();
						Thread.sleep(Long.MAX_VALUE);
					}
				}
				""".formatted(READY));
		return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), source.toString(), dataDir.toString()))
			.redirectErrorStream(true)
			.start();
	}

	static void execute(EmbeddedDatabase database, String... statements) throws Exception {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static String query(EmbeddedDatabase database, String sql) throws Exception {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
	}

}
