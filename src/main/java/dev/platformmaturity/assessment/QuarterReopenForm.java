package dev.platformmaturity.assessment;

import jakarta.validation.constraints.NotBlank;

/**
 * Which closed quarter opens again, and why; the reason's length is checked in characters
 * by {@link Quarters#reopenQuarter}.
 */
record QuarterReopenForm(@NotBlank(message = "{quarter.reopen.quarter.required}") String quarter,
		@NotBlank(message = "{quarter.reopen.reason.required}") String reason) {
}
