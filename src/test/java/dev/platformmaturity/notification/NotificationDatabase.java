package dev.platformmaturity.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.platformmaturity.support.EmbeddedDatabase;
import dev.platformmaturity.support.TestDatabase;

/**
 * A new, empty database on the tests' PostgreSQL server, so that a notification test
 * knows every person, team and quarter there is (and sends to nobody else); an embedded
 * PostgreSQL of its own when the server does not let the tests create databases.
 */
final class NotificationDatabase {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private NotificationDatabase() {
	}

	static JdbcConnectionDetails fresh() {
		JdbcConnectionDetails server = TestDatabase.shared();
		Matcher url = URL.matcher(server.getJdbcUrl());
		if (url.matches()) {
			String name = "notifications_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
			try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
					server.getPassword()); Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
				return new TestDatabase.External(url.group(1) + name + url.group(3), server.getUsername(),
						server.getPassword());
			}
			catch (SQLException notAllowed) {
				// fall through to a server of its own
			}
		}
		return EmbeddedDatabase.temporary();
	}

}
