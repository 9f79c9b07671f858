package dev.platformmaturity.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organisation, seeded inside a transaction that is rolled back afterwards. */
@IntegrationTest
@Transactional
class DemoOrganisationTest {

	@Autowired
	DemoOrganisation demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void isOffWhenADatabaseIsConfigured() {
		assertThat(demo.enabled()).isFalse();
	}

	@Test
	void seedsThreeGroupsTwelveTeamsAndTheWellKnownAccounts() {
		SystemTask.run(() -> demo.seed("demo password for tests"));

		assertThat(count("select count(*) from team_group where name in ('Digital Channels', '核心系统', 'Data & Intelligence')")).isEqualTo(3);
		List<String> teams = jdbc.sql("select t.name from team t where t.slug in (:slugs)")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query(String.class).list();
		assertThat(teams).hasSize(12);
		assertThat(teams).anyMatch(name -> name.matches(".*\\p{IsHan}.*")).anyMatch(name -> name.matches("[A-Za-z &]+"));
		assertThat(role("demo-admin")).isEqualTo("ADMIN");
		assertThat(role("demo-lead")).isEqualTo("LEAD");
		assertThat(role("demo-member")).isEqualTo("MEMBER");
		assertThat(count("select count(*) from person where role = 'LEAD' and username in ('demo-lead', 'olivia.brown')")).isEqualTo(2);
		assertThat(count("select count(*) from membership m join person p on p.id = m.person_id where p.username = 'demo-member'"))
			.isEqualTo(1);
		Map<String, Long> membersPerTeam = jdbc.sql("""
				select t.slug, count(m.person_id) as members from team t left join membership m on m.team_id = t.id
				where t.slug in (:slugs) group by t.slug""")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(membersPerTeam.values()).allMatch(members -> members >= 2);
		assertThat(count("""
				select count(*) from (select m.person_id from membership m join person p on p.id = m.person_id
				where p.username like '%.%' group by m.person_id having count(*) = 2) twice""")).isGreaterThanOrEqualTo(5);
	}

	private String role(String username) {
		return jdbc.sql("select role from person where username = ?").param(username).query(String.class).single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
