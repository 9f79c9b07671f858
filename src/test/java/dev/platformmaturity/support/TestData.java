package dev.platformmaturity.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.platformmaturity.account.Role;

/**
 * Creates people, groups and teams for a test directly in the shared database, each with
 * a unique name, so tests do not depend on each other or on the order they run in.
 */
public class TestData {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final JdbcClient jdbc;

	private final String passwordHash;

	private final UserDetailsService users;

	public TestData(JdbcClient jdbc, PasswordEncoder passwordEncoder, UserDetailsService users) {
		this.jdbc = jdbc;
		this.passwordHash = passwordEncoder.encode(PASSWORD);
		this.users = users;
	}

	public record Person(long id, String username, Role role) {
	}

	public record Team(long id, String slug, String name, long groupId) {
	}

	public record Quarter(long id, String label) {
	}

	/**
	 * Quarter labels no other test uses, in increasing order; the open quarter always
	 * sorts after the others.
	 */
	private static final AtomicLong QUARTER_YEARS = new AtomicLong(5000);

	public static String unique(String prefix) {
		return prefix + "-" + SEQUENCE.incrementAndGet();
	}

	public long group(String name) {
		return jdbc.sql("insert into team_group (name) values (?) returning id")
			.param(unique(name))
			.query(Long.class)
			.single();
	}

	public Team team(String name) {
		return team(name, group("group"));
	}

	public Team team(String name, long groupId) {
		String slug = unique(name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
		long id = jdbc.sql("insert into team (slug, name, group_id) values (?, ?, ?) returning id")
			.params(slug, name, groupId)
			.query(Long.class)
			.single();
		return new Team(id, slug, name, groupId);
	}

	public Person person(Role role) {
		String username = unique(role.name().toLowerCase());
		long id = jdbc.sql("""
				insert into person (username, display_name, email, preferred_language, password_hash, role)
				values (?, ?, ?, 'en', ?, ?) returning id""")
			.params(username, "Test " + username, username + "@example.org", passwordHash, role.name())
			.query(Long.class)
			.single();
		return new Person(id, username, role);
	}

	public Person member(Team... teams) {
		Person person = person(Role.MEMBER);
		for (Team team : teams) {
			join(person, team);
		}
		return person;
	}

	public void join(Person person, Team team) {
		jdbc.sql("insert into membership (person_id, team_id) values (?, ?)").params(person.id(), team.id()).update();
	}

	/** The language the person's pages open in after signing in. */
	public void prefer(Person person, String language) {
		jdbc.sql("update person set preferred_language = ? where id = ?").params(language, person.id()).update();
	}

	public void disable(Team team) {
		jdbc.sql("update team set enabled = false where id = ?").param(team.id()).update();
	}

	/**
	 * The open quarter, opened now (with a label after every other test quarter) when
	 * none is open.
	 */
	public Quarter openQuarter() {
		return jdbc.sql("select id, label from quarter where state = 'OPEN'")
			.query((rs, n) -> new Quarter(rs.getLong("id"), rs.getString("label")))
			.optional()
			.orElseGet(() -> quarter(9000 + QUARTER_YEARS.incrementAndGet() % 1000, "OPEN"));
	}

	/** A closed quarter that sorts before the open ones. */
	public Quarter closedQuarter() {
		return quarter(QUARTER_YEARS.incrementAndGet(), "CLOSED");
	}

	/** A quarter label no quarter has yet, sorting before the open quarters. */
	public String plannedQuarterLabel() {
		return QUARTER_YEARS.incrementAndGet() + "-Q2";
	}

	public Quarter plannedQuarter() {
		return quarter(QUARTER_YEARS.incrementAndGet(), "PLANNED");
	}

	private Quarter quarter(long year, String state) {
		String label = year + "-Q1";
		long id = jdbc.sql("""
				insert into quarter (label, opens_on, due_on, state) values (?, date '2026-01-01', date '2026-02-15', ?)
				returning id""").params(label, state).query(Long.class).single();
		return new Quarter(id, label);
	}

	/** The signed-in principal of a person, for MockMvc's {@code with(user(...))}. */
	public UserDetails principal(Person person) {
		return users.loadUserByUsername(person.username());
	}

}
