package dev.platformmaturity.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is unavailable" (503) and which are faults of their
 * own.
 */
class DatabaseOutageClassificationTest {

	@Test
	void connectionFailuresShutdownsAndReadOnlyWritesAreOutages() {
		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no transaction",
				new SQLTransientConnectionException("pool timed out"))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(
				new ServletException("request failed", new RuntimeException(new SQLException("refused", "08001")))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
		assertThat(
				DatabaseOutage.causedBy(new SQLException("cannot execute UPDATE in a read-only transaction", "25006")))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new JpaSystemException(
				new RuntimeException("Unable to rollback", new SQLException("Connection is closed")))))
			.as("a rollback on a connection the server closed")
			.isTrue();
	}

	@Test
	void otherDatabaseErrorsAndProgrammingErrorsAreNot() {
		assertThat(DatabaseOutage.causedBy(
				new DataIntegrityViolationException("duplicate", new SQLException("duplicate key value", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new ServletException("request failed", new ConnectException())))
			.as("another service being down is not a database outage")
			.isFalse();
	}

}
