package dev.platformmaturity.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Whether a failure means the database is unreachable or refuses writes, rather than a
 * fault of the request.
 */
final class DatabaseOutage {

	/**
	 * PostgreSQL's SQL states for an unusable server: admin shutdown, crash shutdown,
	 * cannot connect now (starting or stopping), too many connections, and a write in a
	 * read-only transaction.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");

	/**
	 * What the pool throws when a transaction's connection was closed under it, for
	 * example on rolling back after the server terminated the session; this failure then
	 * replaces the original one.
	 */
	private static final String CLOSED_POOL_CONNECTION = "Connection is closed";

	private DatabaseOutage() {
	}

	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql
					&& (sql.getSQLState() == null ? CLOSED_POOL_CONNECTION.equals(sql.getMessage())
							: sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
