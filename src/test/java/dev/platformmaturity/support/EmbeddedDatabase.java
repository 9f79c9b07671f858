package dev.platformmaturity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A real PostgreSQL 17 from zonky's embedded binaries, for the development entry point
 * and the tests; it is never part of the application's jar. As a
 * {@link JdbcConnectionDetails} bean it is the application's database. Every connection
 * needs the password (scram-sha-256, also on 127.0.0.1 and ::1), which is generated and
 * kept beside the data in a file only its owner may read.
 */
public final class EmbeddedDatabase implements JdbcConnectionDetails, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String USER = "postgres";

	private static final Pattern TRUSTING_RULE = Pattern.compile("(?m)^((?:local|host)\\s.*\\s)trust[ \\t]*$");

	private final Path dataDirectory;

	private final Path passwordFile;

	private final boolean durable;

	private final String password;

	private EmbeddedPostgres server;

	private volatile int port;

	private EmbeddedDatabase(Path folder, boolean durable) throws IOException {
		this.dataDirectory = folder.resolve("postgres").toAbsolutePath().normalize();
		this.passwordFile = folder.resolve("postgres.password").toAbsolutePath().normalize();
		this.durable = durable;
		this.password = readOrCreatePassword(passwordFile);
	}

	/**
	 * The development database: its data lives in {@code folder/postgres} and survives
	 * restarts, written with fsync on. A server left running by a killed JVM is stopped
	 * first.
	 */
	public static EmbeddedDatabase durable(Path folder) throws IOException {
		EmbeddedDatabase database = new EmbeddedDatabase(folder, true);
		StaleEmbeddedServer.stopIfLeftRunning(database.dataDirectory);
		database.start();
		log.info("Embedded PostgreSQL is running on port {}; its data lives in {}", database.port,
				database.dataDirectory);
		return database;
	}

	/**
	 * A throwaway database in a temporary folder, fast rather than durable, removed when
	 * closed or at exit.
	 */
	public static EmbeddedDatabase temporary() {
		try {
			EmbeddedDatabase database = new EmbeddedDatabase(Files.createTempDirectory("embedded-postgres"), false);
			Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-cleanup"));
			database.start();
			return database;
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Cannot start an embedded PostgreSQL", failed);
		}
	}

	/** Starts the server on its data, on the port it had before if it ran already. */
	public synchronized void start() throws IOException {
		if (server != null) {
			return;
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(durable)
			// initdb options: the later --auth wins over zonky's "-A trust" for every
			// line of pg_hba.conf
			.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", passwordFile.toString())
			.setConnectConfig("password", password);
		if (port != 0) {
			builder.setPort(port);
		}
		if (durable) {
			// zonky starts PostgreSQL with fsync and synchronous commit off; this is the
			// developer's data.
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "50");
		}
		server = builder.start();
		port = server.getPort();
		requirePasswords();
	}

	/** Stops the server and keeps its data, as a database outage would. */
	public synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		finally {
			server = null;
		}
	}

	@Override
	public synchronized void close() {
		stop();
		if (!durable) {
			deleteRecursively(dataDirectory.getParent());
		}
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	public Path passwordFile() {
		return passwordFile;
	}

	@Override
	public String getJdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	@Override
	public String getUsername() {
		return USER;
	}

	@Override
	public String getPassword() {
		return password;
	}

	/**
	 * A data folder made before passwords were required trusts every local connection:
	 * give the user the password and make every line of pg_hba.conf ask for it.
	 */
	private void requirePasswords() throws IOException {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		String rules = Files.readString(hba);
		if (!TRUSTING_RULE.matcher(rules).find()) {
			return;
		}
		log.warn("The embedded PostgreSQL in {} accepted connections without a password; it requires one from now on",
				dataDirectory);
		try (Connection connection = DriverManager.getConnection(getJdbcUrl(), USER, password);
				Statement statement = connection.createStatement()) {
			statement.execute("alter role postgres password '" + password + "'");
			Files.writeString(hba, TRUSTING_RULE.matcher(rules).replaceAll("$1scram-sha-256"));
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException failed) {
			throw new IOException("Cannot set the password of the embedded PostgreSQL", failed);
		}
	}

	/**
	 * The password kept in the data folder, or a new one written there readable only by
	 * its owner.
	 */
	private static String readOrCreatePassword(Path file) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		Files.createDirectories(file.getParent());
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
		return password;
	}

	private static void deleteRecursively(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary folder left behind is harmless
		}
	}

}
