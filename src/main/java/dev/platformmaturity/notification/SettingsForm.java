package dev.platformmaturity.notification;

import java.time.DayOfWeek;

/**
 * The notification settings as an administrator typed them: reminder days like
 * {@code 7, 1} and the digest day.
 */
record SettingsForm(String reminderDays, DayOfWeek digestDay, Long version) {
}
