package dev.platformmaturity.assessment;

import java.time.LocalDate;

public record QuarterInfo(long id, String label, LocalDate opensOn, LocalDate dueOn, QuarterState state) {

	public boolean open() {
		return state == QuarterState.OPEN;
	}

}
