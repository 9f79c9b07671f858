package dev.platformmaturity.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * Checks the database every {@code app.database.probe-interval} on a fresh connection of
 * its own, outside the pool (so a busy pool does not look like an outage), and whether it
 * accepts writes ({@code transaction_read_only} covers
 * {@code default_transaction_read_only} and a standby). The health endpoint's {@code db}
 * component and the readiness group answer from the latest result without waiting for the
 * database.
 */
@Component("dbHealthIndicator")
class DatabaseProbe implements HealthIndicator, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	enum State {

		UNKNOWN, WRITABLE, READ_ONLY, UNREACHABLE

	}

	record Result(State state, Instant at, String reason) {
	}

	private final DataSource probeConnections;

	private final DatabaseProperties properties;

	private volatile Result latest = new Result(State.UNKNOWN, Instant.now(), "not checked yet");

	private ScheduledExecutorService scheduler;

	DatabaseProbe(JdbcConnectionDetails database, DatabaseProperties properties) {
		this.properties = properties;
		SimpleDriverDataSource dataSource = DataSourceBuilder.create(getClass().getClassLoader())
			.type(SimpleDriverDataSource.class)
			.driverClassName(database.getDriverClassName())
			.url(database.getJdbcUrl())
			.username(database.getUsername())
			.password(database.getPassword())
			.build();
		String seconds = Long.toString(Math.max(1, properties.probeTimeout().toSeconds()));
		Properties timeouts = new Properties();
		timeouts.setProperty("connectTimeout", seconds);
		timeouts.setProperty("loginTimeout", seconds);
		timeouts.setProperty("socketTimeout", seconds);
		timeouts.setProperty("ApplicationName", "platform-maturity health probe");
		dataSource.setConnectionProperties(timeouts);
		this.probeConnections = dataSource;
	}

	@Override
	public Health health() {
		Result result = latest;
		Duration age = Duration.between(result.at(), Instant.now());
		if (age.compareTo(properties.probeInterval().plus(properties.probeTimeout()).multipliedBy(2)) > 0) {
			return Health.down().withDetail("reason", "no check finished for " + age.toSeconds() + " s").build();
		}
		return switch (result.state()) {
			case WRITABLE -> Health.up().build();
			case UNKNOWN -> Health.unknown().build();
			case READ_ONLY, UNREACHABLE -> Health.down().withDetail("reason", result.reason()).build();
		};
	}

	/** The latest check could not reach the database at all. */
	boolean unreachable() {
		return latest.state() == State.UNREACHABLE;
	}

	void check() {
		Result result;
		try (Connection connection = probeConnections.getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout((int) Math.max(1, properties.probeTimeout().toSeconds()));
			try (ResultSet row = statement.executeQuery("select current_setting('transaction_read_only')")) {
				row.next();
				result = "on".equals(row.getString(1))
						? new Result(State.READ_ONLY, Instant.now(), "the database accepts no writes")
						: new Result(State.WRITABLE, Instant.now(), null);
			}
		}
		catch (SQLException | RuntimeException failed) {
			result = new Result(State.UNREACHABLE, Instant.now(), String.valueOf(failed.getMessage()));
		}
		State before = latest.state();
		latest = result;
		if (result.state() != before) {
			if (result.state() == State.WRITABLE) {
				log.info("The database is available{}", before == State.UNKNOWN ? "" : " again");
			}
			else {
				log.warn("The database is {}: {}", result.state() == State.READ_ONLY ? "read-only" : "unreachable",
						result.reason());
			}
		}
	}

	@Override
	public synchronized void start() {
		check();
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "database-probe");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.probeInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
