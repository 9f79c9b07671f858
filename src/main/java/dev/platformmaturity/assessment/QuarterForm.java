package dev.platformmaturity.assessment;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

record QuarterForm(@NotBlank(message = "{quarter.label.invalid}") String label,
		@NotNull(message = "{quarter.opensOn.required}") @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
		@NotNull(message = "{quarter.dueOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {

	/**
	 * The quarter after the newest one, opening on its first day and due six weeks later.
	 */
	static QuarterForm suggestion(List<QuarterInfo> existing, LocalDate today) {
		int year = today.getYear();
		int number = (today.getMonthValue() - 1) / 3 + 1;
		if (!existing.isEmpty()) {
			String newest = existing.get(0).label();
			year = Integer.parseInt(newest.substring(0, 4));
			number = Integer.parseInt(newest.substring(6)) + 1;
			if (number > 4) {
				number = 1;
				year++;
			}
		}
		LocalDate opens = LocalDate.of(year, (number - 1) * 3 + 1, 1);
		return new QuarterForm(year + "-Q" + number, opens, opens.plusWeeks(6));
	}

}
