package dev.platformmaturity.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row of every application table, taken with one query: row count and
 * an order-independent sum of row hashes per table. Two equal digests mean no row was
 * added, removed or changed in between.
 */
final class TableChecksum {

	/**
	 * Tables that change without any request or hold no application data: left out so
	 * they cannot disturb a test. The notification tables listed are written in the
	 * background, by the scheduled scan and the senders (and the key of unsubscribe links
	 * is made when first needed).
	 */
	static final Set<String> NOT_APPLICATION_DATA = Set.of("flyway_schema_history", "spring_session",
			"spring_session_attributes", "shedlock", "event_publication", "notification_outbox", "notification_state",
			"notification_quarter", "notification_occasion", "notification_secret");

	private final JdbcClient jdbc;

	private final String query;

	TableChecksum(JdbcClient jdbc) {
		this.jdbc = jdbc;
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
			.query(String.class)
			.list();
		this.query = tables.stream()
			.filter(table -> !NOT_APPLICATION_DATA.contains(table))
			.map(table -> "select '" + table + "' as name, count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)"
					+ "::numeric), 0) as digest from \"" + table + "\" r")
			.collect(Collectors.joining(" union all ")) + " order by name";
	}

	/** Digest per table, by table name. */
	Map<String, String> digests() {
		Map<String, String> digests = new LinkedHashMap<>();
		jdbc.sql(query).query(row -> {
			digests.put(row.getString("name"), row.getString("digest"));
		});
		return digests;
	}

	int tables() {
		return query.split(" union all ").length;
	}

}
