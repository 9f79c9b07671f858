package dev.platformmaturity.dashboard;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.QuarterNotFoundException;
import dev.platformmaturity.assessment.QuarterState;
import dev.platformmaturity.assessment.Quarters;

/**
 * Which quarter a dashboard shows: the one asked for, else the open one, else the newest
 * that was open.
 */
@Component
public class ShownQuarter {

	private final Quarters quarters;

	ShownQuarter(Quarters quarters) {
		this.quarters = quarters;
	}

	/**
	 * Empty when no quarter has been opened yet; an unknown label is a
	 * {@code QuarterNotFoundException}.
	 */
	public Optional<QuarterInfo> find(String label) {
		if (label != null && !label.isBlank()) {
			return Optional.of(quarters.byLabel(label));
		}
		return quarters.open()
			.or(() -> quarters.all().stream().filter(q -> q.state() != QuarterState.PLANNED).findFirst());
	}

	/**
	 * The quarter before the given one that has been open, if any: the one its changes
	 * are measured against.
	 * @param all every quarter, as {@code Quarters.all()} gives them (newest first)
	 */
	public static Optional<QuarterInfo> previous(QuarterInfo quarter, List<QuarterInfo> all) {
		return all.stream()
			.filter(q -> q.state() != QuarterState.PLANNED && q.label().compareTo(quarter.label()) < 0)
			.findFirst();
	}

	/**
	 * As {@link #find(String)}, looked up in every quarter as {@code Quarters.all()}
	 * gives them (newest first), for a page that lists them anyway.
	 */
	public static Optional<QuarterInfo> find(String label, List<QuarterInfo> all) {
		if (label != null && !label.isBlank()) {
			return Optional.of(all.stream()
				.filter(q -> q.label().equals(label))
				.findFirst()
				.orElseThrow(() -> new QuarterNotFoundException(label)));
		}
		return all.stream()
			.filter(q -> q.state() == QuarterState.OPEN)
			.findFirst()
			.or(() -> all.stream().filter(q -> q.state() != QuarterState.PLANNED).findFirst());
	}

	public QuarterInfo get(String label) {
		return find(label).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "dashboard.noQuarter", null));
	}

}
