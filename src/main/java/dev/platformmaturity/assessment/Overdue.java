package dev.platformmaturity.assessment;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The one rule of being overdue: a team's assessment is overdue on a day when its quarter
 * is open, the day is after the quarter's due date, and the team has not submitted (not
 * started or in progress). On the due date itself it is not overdue yet. "Today" is the
 * application clock's date ({@link #today()}).
 * <p>
 * In SQL the same rule is {@link #condition(String, String, String)}, for example
 * {@code Overdue.condition("q", "a", ":today")} in a query over
 * {@code quarter q left join assessment a}, with {@code today()} bound to {@code :today}.
 */
@Component
@NamedInterface("overdue")
public class Overdue {

	private final Clock clock;

	Overdue(Clock clock) {
		this.clock = clock;
	}

	/** The application's date today, in the clock's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Whether a team whose assessment of the quarter has this status is overdue today.
	 */
	public boolean isOverdue(QuarterInfo quarter, AssessmentStatus status) {
		return isOverdue(quarter, status, today());
	}

	/**
	 * Whether the quarter is open and past its due date today; its teams that have not
	 * submitted are overdue.
	 */
	public boolean isPastDue(QuarterInfo quarter) {
		return isPastDue(quarter, today());
	}

	public static boolean isOverdue(QuarterInfo quarter, AssessmentStatus status, LocalDate day) {
		return isPastDue(quarter, day) && status != AssessmentStatus.SUBMITTED;
	}

	public static boolean isPastDue(QuarterInfo quarter, LocalDate day) {
		return quarter.state() == QuarterState.OPEN && day.isAfter(quarter.dueOn());
	}

	/**
	 * The rule as an SQL condition.
	 * @param quarter the alias of a {@code quarter} row
	 * @param assessment the alias of the team's {@code assessment} row of that quarter,
	 * whose columns are null when the team has not started (a left join)
	 * @param day the day to judge on: a parameter such as {@code :today} (bind
	 * {@link #today()}) or a date expression
	 */
	public static String condition(String quarter, String assessment, String day) {
		return "(%1$s.state = 'OPEN' and %1$s.due_on < %3$s and %2$s.status is distinct from 'SUBMITTED')"
			.formatted(quarter, assessment, day);
	}

}
