package dev.platformmaturity.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an e-mail says, as recorded in the outbox (JSON) when it is due and rendered when
 * it is sent.
 */
final class EmailContent {

	private EmailContent() {
	}

	/**
	 * A team's assessment as a line of an e-mail.
	 *
	 * @param group the team's group, when known
	 * @param status {@code NOT_STARTED}, {@code IN_PROGRESS} or {@code SUBMITTED}
	 * @param questions the questions of a started assessment
	 */
	record TeamLine(String slug, String name, String group, String status, int reviewed, Integer questions) {
	}

	/**
	 * To a member: the quarter, its due date and the member's teams that have not
	 * submitted.
	 *
	 * @param days for an opened quarter and a reminder the days left until the due date,
	 * when overdue the days since
	 */
	record Reminder(String quarter, LocalDate dueOn, long days, List<TeamLine> teams) {
	}

	/**
	 * A score of an aspect that moved between a team's last two submitted assessments.
	 *
	 * @param aspectNames the aspect's name by language
	 */
	record Mover(String slug, String name, String aspect, Map<String, String> aspectNames, String previousQuarter,
			BigDecimal before, BigDecimal after) {

		BigDecimal change() {
			return after.subtract(before);
		}

		/** The scores as shown: two decimals, a change with its sign (+0.75, -0.50). */
		public String beforeText() {
			return before.setScale(2, RoundingMode.HALF_UP).toPlainString();
		}

		public String afterText() {
			return after.setScale(2, RoundingMode.HALF_UP).toPlainString();
		}

		public String changeText() {
			BigDecimal change = change().setScale(2, RoundingMode.HALF_UP);
			return (change.signum() > 0 ? "+" : "") + change.toPlainString();
		}

		public String aspectName(String language) {
			return aspectNames.getOrDefault(language, aspectNames.getOrDefault("en", aspect));
		}

	}

	/**
	 * To a platform lead: how a quarter stands (digest) or ended (closing summary).
	 *
	 * @param days days left until the due date; negative once it has passed
	 * @param late teams that are overdue (digest) or did not submit (summary), at most
	 * {@link #LATE_SHOWN}
	 * @param lateMore how many more there are
	 * @param movers the biggest changes of aspect scores among the teams that submitted
	 */
	record Summary(String quarter, LocalDate dueOn, long days, int teams, int submitted, int inProgress, int notStarted,
			List<TeamLine> late, int lateMore, List<Mover> movers) {

		static final int LATE_SHOWN = 20;

		/** Days since the due date, once it has passed. */
		public long daysOverdue() {
			return Math.max(0, -days);
		}

	}

}
