package dev.platformmaturity.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While the probe finds the database unreachable and the pool holds no connection, asking
 * for one fails at once instead of waiting for the pool's connection timeout. Besides
 * answering faster, this keeps the pool from retrying with a back-off that grows to 5 s
 * while requests wait, so the first request after the probe sees the database back gets a
 * new connection at once.
 */
class OutageGuardedDataSource extends DelegatingDataSource {

	private final BooleanSupplier databaseUnreachable;

	OutageGuardedDataSource(DataSource pool, BooleanSupplier databaseUnreachable) {
		super(pool);
		this.databaseUnreachable = databaseUnreachable;
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseDuringAnOutage();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseDuringAnOutage();
		return super.getConnection(username, password);
	}

	private void refuseDuringAnOutage() throws SQLTransientConnectionException {
		if (databaseUnreachable.getAsBoolean() && poolIsEmpty()) {
			throw new SQLTransientConnectionException("The database is unreachable", "08001");
		}
	}

	private boolean poolIsEmpty() {
		return !(obtainTargetDataSource() instanceof HikariDataSource pool) || pool.getHikariPoolMXBean() == null
				|| pool.getHikariPoolMXBean().getTotalConnections() == 0;
	}

}
