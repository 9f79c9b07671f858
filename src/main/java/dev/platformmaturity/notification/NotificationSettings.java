package dev.platformmaturity.notification;

import java.sql.Array;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;

/**
 * What administrators set for notifications: the reminder days before the due date and
 * the digest's day.
 */
@Component
class NotificationSettings {

	static final int MAX_REMINDER_DAYS = 5;

	static final int LATEST_REMINDER_DAY = 90;

	/**
	 * The settings as stored; reminder days from the earliest (most days before the due
	 * date) to the latest.
	 */
	record Settings(List<Integer> reminderDays, DayOfWeek digestDay, long version) {

		String reminderDaysText() {
			return String.join(", ", reminderDays.stream().map(String::valueOf).toList());
		}

	}

	private final JdbcClient jdbc;

	NotificationSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Settings current() {
		return jdbc.sql("select reminder_days, digest_day, version from notification_settings")
			.query((row, n) -> new Settings(days(row.getArray("reminder_days")), DayOfWeek.of(row.getInt("digest_day")),
					row.getLong("version")))
			.single();
	}

	/** Stores new settings, or refuses them with every problem and changes nothing. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Settings update(SettingsForm form, long personId) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Integer> days = reminderDays(form.reminderDays(), problems);
		if (form.digestDay() == null) {
			problems.add(new FieldProblem("digestDay", "notification.settings.digestDay.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidSettingsException(problems);
		}
		int updated = jdbc.sql("""
				update notification_settings
				set reminder_days = ?::integer[], digest_day = ?, updated_at = now(), updated_by = ?,
				    version = version + 1
				where version = ?""")
			.params(days.toString().replace('[', '{').replace(']', '}'), form.digestDay().getValue(), personId,
					form.version() == null ? -1 : form.version())
			.update();
		if (updated == 0) {
			throw new InvalidSettingsException(
					List.of(new FieldProblem("version", "notification.settings.changedMeanwhile")));
		}
		return current();
	}

	/**
	 * Days like {@code "7, 1"}: whole numbers from 1 to 90, each once, at most five;
	 * empty for none.
	 */
	static List<Integer> reminderDays(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<Integer> days = new LinkedHashSet<>();
		for (String part : text.strip().split("\\s*[,，、\\s]\\s*")) {
			Integer day = part.matches("[0-9]{1,3}") ? Integer.valueOf(part) : null;
			if (day == null || day < 1 || day > LATEST_REMINDER_DAY) {
				problems.add(new FieldProblem("reminderDays", "notification.settings.reminderDays.invalid", part,
						LATEST_REMINDER_DAY));
				return List.of();
			}
			if (!days.add(day)) {
				problems.add(new FieldProblem("reminderDays", "notification.settings.reminderDays.twice", day));
				return List.of();
			}
		}
		if (days.size() > MAX_REMINDER_DAYS) {
			problems
				.add(new FieldProblem("reminderDays", "notification.settings.reminderDays.tooMany", MAX_REMINDER_DAYS));
			return List.of();
		}
		return days.stream().sorted(Comparator.reverseOrder()).toList();
	}

	private static List<Integer> days(Array array) throws SQLException {
		return Arrays.stream((Integer[]) array.getArray()).sorted(Comparator.reverseOrder()).toList();
	}

	/** Settings that cannot be stored; each problem names its field. */
	static class InvalidSettingsException extends RuntimeException {

		private final transient List<FieldProblem> problems;

		InvalidSettingsException(List<FieldProblem> problems) {
			super("Invalid notification settings: " + problems);
			this.problems = problems;
		}

		List<FieldProblem> problems() {
			return problems;
		}

	}

}
