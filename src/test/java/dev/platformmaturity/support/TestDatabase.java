package dev.platformmaturity.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The one PostgreSQL the tests of a JVM share, as the service connection of their
 * application contexts. Chosen in this order: {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USERNAME} and {@code TEST_DATABASE_PASSWORD}) when set; else a
 * Testcontainers {@code postgres:17} when Docker is available; else an embedded
 * PostgreSQL 17. Never an in-memory stand-in.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	private static JdbcConnectionDetails shared;

	@Bean
	JdbcConnectionDetails testDatabase() {
		return shared();
	}

	public static synchronized JdbcConnectionDetails shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	private static JdbcConnectionDetails start() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new External(url, System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres"),
					System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerMightBeAvailable() && DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			return new External(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		return EmbeddedDatabase.temporary();
	}

	/**
	 * Asking Testcontainers on a machine without Docker logs an error; look for a socket
	 * or DOCKER_HOST first.
	 */
	private static boolean dockerMightBeAvailable() {
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
	}

	/** A database given by its address and credentials. */
	public record External(String url, String username, String password) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return url;
		}

		@Override
		public String getUsername() {
			return username;
		}

		@Override
		public String getPassword() {
			return password;
		}

	}

}
