package dev.platformmaturity.assessment;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue rule, in Java and as the SQL condition, which must agree on every case. The
 * assessment module and the modules it needs, without the application's other modules;
 * the clock that a test moves is this context's own, so no other test sees the day
 * change.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({ TestDatabase.class, MovableClock.class })
class OverdueTest {

	private static final LocalDate DUE = LocalDate.of(2026, 11, 19);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Overdue overdue;

	@Autowired
	MovableClock clock;

	@ParameterizedTest(name = "{0} quarter, {1}, on {2}: overdue {3}")
	@CsvSource(textBlock = """
			OPEN,    NOT_STARTED, 2026-11-20, true
			OPEN,    IN_PROGRESS, 2026-11-20, true
			OPEN,    SUBMITTED,   2026-11-20, false
			OPEN,    NOT_STARTED, 2026-11-19, false
			OPEN,    IN_PROGRESS, 2026-11-18, false
			OPEN,    IN_PROGRESS, 2027-03-01, true
			CLOSED,  NOT_STARTED, 2026-11-20, false
			CLOSED,  IN_PROGRESS, 2026-12-31, false
			PLANNED, NOT_STARTED, 2026-11-20, false
			""")
	void anOpenQuarterPastItsDueDateForATeamThatHasNotSubmitted(QuarterState state, AssessmentStatus status,
			LocalDate day, boolean expected) {
		QuarterInfo quarter = new QuarterInfo(1, "2026-Q4", LocalDate.of(2026, 10, 1), DUE, state);

		assertThat(Overdue.isOverdue(quarter, status, day)).isEqualTo(expected);
		assertThat(inSql(state, status, day)).as("the SQL condition").isEqualTo(expected);
	}

	@Test
	void todayIsTheApplicationClocksDate() {
		QuarterInfo quarter = new QuarterInfo(1, "2026-Q4", LocalDate.of(2026, 10, 1), DUE, QuarterState.OPEN);
		try {
			clock.moveTo(DUE);
			assertThat(overdue.today()).isEqualTo(DUE);
			assertThat(overdue.isPastDue(quarter)).isFalse();
			assertThat(overdue.isOverdue(quarter, AssessmentStatus.IN_PROGRESS)).isFalse();

			clock.moveTo(DUE.plusDays(1));
			assertThat(overdue.isPastDue(quarter)).isTrue();
			assertThat(overdue.isOverdue(quarter, AssessmentStatus.IN_PROGRESS)).isTrue();
			assertThat(overdue.isOverdue(quarter, AssessmentStatus.SUBMITTED)).isFalse();
		}
		finally {
			clock.reset();
		}
	}

	/**
	 * The condition over a quarter row and the team's assessment row, absent when the
	 * team has not started.
	 */
	private boolean inSql(QuarterState state, AssessmentStatus status, LocalDate day) {
		return jdbc.sql("""
				select %s
				from (select cast(:state as varchar) as state, cast(:due as date) as due_on) q
				left join (select cast(:status as varchar) as status) a on :status <> 'NOT_STARTED'
				""".formatted(Overdue.condition("q", "a", ":today")))
			.param("state", state.name())
			.param("due", DUE)
			.param("status", status.name())
			.param("today", day)
			.query(Boolean.class)
			.single();
	}

}
