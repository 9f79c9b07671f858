package dev.platformmaturity.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organisation, seeded inside a transaction that is rolled back afterwards. */
@IntegrationTest
@Transactional
class DemoOrganisationTest {

	@Autowired
	DemoOrganisation demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void timeGoesOn() {
		clock.reset();
	}

	@Test
	void isOffUnlessEnabled() {
		assertThat(demo.enabled()).isFalse();
	}

	@Test
	void seedsThreeGroupsTwelveTeamsAndTheWellKnownAccounts() {
		seed();

		assertThat(count(
				"select count(*) from team_group where name in ('Digital Channels', '核心系统', 'Data & Intelligence')"))
			.isEqualTo(3);
		List<String> teams = jdbc.sql("select t.name from team t where t.slug in (:slugs)")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query(String.class)
			.list();
		assertThat(teams).hasSize(12);
		assertThat(teams).anyMatch(name -> name.matches(".*\\p{IsHan}.*"))
			.anyMatch(name -> name.matches("[A-Za-z &]+"));
		assertThat(role("demo-admin")).isEqualTo("ADMIN");
		assertThat(role("demo-lead")).isEqualTo("LEAD");
		assertThat(role("demo-member")).isEqualTo("MEMBER");
		assertThat(
				count("select count(*) from person where role = 'LEAD' and username in ('demo-lead', 'olivia.brown')"))
			.isEqualTo(2);
		assertThat(count(
				"select count(*) from membership m join person p on p.id = m.person_id where p.username = 'demo-member'"))
			.isEqualTo(1);
		Map<String, Long> membersPerTeam = jdbc.sql("""
				select t.slug, count(m.person_id) as members from team t left join membership m on m.team_id = t.id
				where t.slug in (:slugs) group by t.slug""")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(membersPerTeam.values()).allMatch(members -> members >= 2);
		assertThat(count("""
				select count(*) from (select m.person_id from membership m join person p on p.id = m.person_id
				where p.username like '%.%' group by m.person_id having count(*) = 2) twice"""))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void seedsFourClosedQuartersOfSubmittedAssessmentsAndAnOpenQuarterAtEveryStage() {
		clock.moveTo(LocalDate.of(2026, 11, 30));
		seed();

		assertThat(jdbc.sql(
				"select label || ':' || state from quarter where label in ('2025-Q4','2026-Q1','2026-Q2','2026-Q3','2026-Q4') order by label")
			.query(String.class)
			.list())
			.containsExactly("2025-Q4:CLOSED", "2026-Q1:CLOSED", "2026-Q2:CLOSED", "2026-Q3:CLOSED", "2026-Q4:OPEN");
		assertThat(count("""
				select count(*) from assessment a join quarter q on q.id = a.quarter_id
				where q.label < '2026-Q4' and q.label >= '2025-Q4' and a.status = 'SUBMITTED'""")).isEqualTo(48);
		assertThat(jdbc
			.sql("""
					select a.status, count(*) from assessment a join quarter q on q.id = a.quarter_id where q.label = '2026-Q4'
					group by a.status order by a.status""")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("IN_PROGRESS=4", "SUBMITTED=4");
		assertThat(count(DEMO_ANSWERS + " and an.not_applicable")).isPositive();
		assertThat(count(DEMO_ANSWERS + " and an.comment is not null")).isPositive();
		assertThat(count(DEMO_ANSWERS + " and an.carried_over")).isPositive();
		List<Double> investmentMovesBetweenQuarters = jdbc
			.sql("""
					select avg(an.level) filter (where q.label = '2026-Q3') - avg(an.level) filter (where q.label = '2026-Q2')
					from answer an join assessment a on a.id = an.assessment_id join quarter q on q.id = a.quarter_id
					join question qu on qu.id = an.question_id join aspect asp on asp.id = qu.aspect_id
					where asp.key = 'investment' and q.label in ('2026-Q2', '2026-Q3') group by a.team_id""")
			.query(Double.class)
			.list();
		assertThat(investmentMovesBetweenQuarters).anyMatch(change -> change > 0).anyMatch(change -> change < 0);
	}

	@Test
	void theOpenQuarterIsTheCurrentCalendarQuarterDueInTheFutureWhateverTheDay() {
		clock.moveTo(LocalDate.of(2027, 3, 31));
		seed();

		assertThat(jdbc.sql("""
				select label || ':' || state || ':' || opens_on || ':' || due_on from quarter
				where label between '2026-Q1' and '2027-Q1' order by label""").query(String.class).list())
			.containsExactly("2026-Q1:CLOSED:2026-01-01:2026-02-19", "2026-Q2:CLOSED:2026-04-01:2026-05-20",
					"2026-Q3:CLOSED:2026-07-01:2026-08-19", "2026-Q4:CLOSED:2026-10-01:2026-11-19",
					"2027-Q1:OPEN:2027-01-01:2027-04-14");
		assertThat(jdbc.sql("""
				select max(a.updated_at) from assessment a join quarter q on q.id = a.quarter_id
				where q.label = '2027-Q1'""").query(OffsetDateTime.class).single().toInstant())
			.as("nothing happened after today")
			.isBeforeOrEqualTo(clock.instant());
	}

	@Test
	void earlyInAQuarterItIsDueSevenWeeksAfterOpening() {
		clock.moveTo(LocalDate.of(2027, 7, 2));
		seed();

		assertThat(jdbc.sql("select state || ':' || due_on from quarter where label = '2027-Q3'")
			.query(String.class)
			.single()).isEqualTo("OPEN:2027-08-19");
		assertThat(jdbc.sql("select state from quarter where label = '2027-Q2'").query(String.class).single())
			.isEqualTo("CLOSED");
	}

	@Test
	void seedsActionsInEveryStateSomeOverdueOwnedByMembersOfTheirTeams() {
		seed();

		Map<String, Long> byStatus = jdbc.sql("""
				select a.status, count(*) from action a join team t on t.id = a.team_id
				where t.slug in (:slugs) group by a.status""")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byStatus.keySet()).containsExactlyInAnyOrder("PLANNED", "IN_PROGRESS", "DONE", "DROPPED");
		assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(DemoActions.ACTIONS.size());
		assertThat(jdbc.sql("""
				select count(*) from action a join team t on t.id = a.team_id
				where t.slug in (:slugs) and a.status in ('PLANNED', 'IN_PROGRESS') and a.due_on < :today""")
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.single()).as("overdue").isGreaterThanOrEqualTo(2);
		assertThat(ofDemoTeams("""
				select count(*) from action a join team t on t.id = a.team_id
				where t.slug in (:slugs) and a.owner_id is not null and not exists (select 1 from membership m
				where m.team_id = a.team_id and m.person_id = a.owner_id)""")).as("owners outside their team").isZero();
		assertThat(ofDemoTeams("""
				select count(*) from action_event e join team t on t.id = e.team_id
				where t.slug in (:slugs) and e.kind = 'CREATE'""")).isEqualTo(DemoActions.ACTIONS.size());
	}

	private long ofDemoTeams(String sql) {
		return jdbc.sql(sql)
			.param("slugs", DemoOrganisation.TEAMS.stream().map(DemoOrganisation.DemoTeam::slug).toList())
			.query(Long.class)
			.single();
	}

	private static final String DEMO_ANSWERS = """
			select count(*) from answer an join assessment a on a.id = an.assessment_id join quarter q on q.id = a.quarter_id
			where q.label between '2025-Q4' and '2026-Q4'""";

	private void seed() {
		jdbc.sql("update quarter set state = 'CLOSED' where state = 'OPEN'").update();
		SystemTask.run(() -> demo.seed("demo password for tests"));
	}

	private String role(String username) {
		return jdbc.sql("select role from person where username = ?").param(username).query(String.class).single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
