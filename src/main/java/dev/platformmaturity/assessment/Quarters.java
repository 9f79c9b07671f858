package dev.platformmaturity.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;

/** The survey rounds. Administrators create them and move them from planned to open to closed; one is open at a time. */
@Service
public class Quarters {

	static final Pattern LABEL = Pattern.compile("[0-9]{4}-Q[1-4]");

	/** Quarter dates lie in this range; a date outside it is a typing mistake (year 99999), not a plan. */
	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

	private final QuarterRepository quarters;

	private final JdbcClient jdbc;

	Quarters(QuarterRepository quarters, JdbcClient jdbc) {
		this.quarters = quarters;
		this.jdbc = jdbc;
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<QuarterInfo> all() {
		return quarters.findAllByOrderByLabelDesc().stream().map(Quarter::info).toList();
	}

	@Transactional(readOnly = true)
	public Optional<QuarterInfo> open() {
		return quarters.findByState(QuarterState.OPEN).map(Quarter::info);
	}

	@Transactional(readOnly = true)
	public QuarterInfo byLabel(String label) {
		return quarters.findByLabel(label).map(Quarter::info).orElseThrow(() -> new QuarterNotFoundException(label));
	}

	private static final String PROGRESS = """
			select a.team_id, a.quarter_id, a.status, a.updated_at, a.answered_count, a.reviewed_count,
			       a.carried_over_count,
			       (select count(*) from question qu where qu.model_version_id = a.model_version_id) as questions
			from assessment a
			""";

	/** How far each team's assessment of the quarter is: status and reviewed answers, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Progress> progress(long quarterId, Collection<Long> teamIds) {
		Map<Long, Progress> progress = new HashMap<>();
		if (!teamIds.isEmpty()) {
			jdbc.sql(PROGRESS + "where a.quarter_id = :quarter and a.team_id in (:teams)")
				.param("quarter", quarterId)
				.param("teams", teamIds)
				.query(rs -> {
					progress.put(rs.getLong("team_id"), progress(rs));
				});
		}
		return progress;
	}

	/** How far the team's assessment of each quarter is, by quarter id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Progress> progressOfTeam(long teamId) {
		Map<Long, Progress> progress = new HashMap<>();
		jdbc.sql(PROGRESS + "where a.team_id = :team")
			.param("team", teamId)
			.query(rs -> {
				progress.put(rs.getLong("quarter_id"), progress(rs));
			});
		return progress;
	}

	private static Progress progress(java.sql.ResultSet row) throws java.sql.SQLException {
		return new Progress(AssessmentStatus.valueOf(row.getString("status")), row.getInt("answered_count"),
				row.getInt("reviewed_count"), row.getInt("carried_over_count"), row.getInt("questions"),
				row.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
	}

	/**
	 * How far an assessment is: its answers answered, reviewed this quarter and carried over (not yet confirmed), of
	 * its questions. Progress counts reviewed answers.
	 */
	public record Progress(AssessmentStatus status, int answered, int reviewed, int carriedOver, int questions,
			java.time.Instant lastActivity) {
	}

	/** Problems of a new quarter, without changing anything. */
	@Transactional(readOnly = true)
	List<FieldProblem> problems(String label, LocalDate opensOn, LocalDate dueOn) {
		List<FieldProblem> problems = new ArrayList<>();
		if (label == null || !LABEL.matcher(label).matches()) {
			problems.add(new FieldProblem("label", "quarter.label.invalid"));
		}
		else if (quarters.findByLabel(label).isPresent()) {
			problems.add(new FieldProblem("label", "quarter.label.taken", label));
		}
		outOfRange("opensOn", opensOn).ifPresent(problems::add);
		outOfRange("dueOn", dueOn).ifPresent(problems::add);
		if (opensOn != null && dueOn != null && dueOn.isBefore(opensOn)) {
			problems.add(new FieldProblem("dueOn", "quarter.dueOn.beforeOpening"));
		}
		return problems;
	}

	private static Optional<FieldProblem> outOfRange(String field, LocalDate date) {
		return date == null || !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE) ? Optional.empty()
				: Optional.of(new FieldProblem(field, "quarter.date.outOfRange", EARLIEST_DATE.toString(),
						LATEST_DATE.toString()));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo create(String label, LocalDate opensOn, LocalDate dueOn) {
		List<FieldProblem> problems = problems(label, opensOn, dueOn);
		if (!problems.isEmpty()) {
			throw new InvalidQuarterException(problems);
		}
		return quarters.saveAndFlush(new Quarter(label, opensOn, dueOn)).info();
	}

	/** Opens a planned quarter; only one quarter is open at a time. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo openQuarter(String label) {
		Quarter quarter = quarters.lockByLabel(label).orElseThrow(() -> new QuarterNotFoundException(label));
		if (quarter.state() != QuarterState.PLANNED) {
			throw AssessmentProblem.notNow("quarter.open.notPlanned", label);
		}
		quarters.findByState(QuarterState.OPEN).ifPresent(open -> {
			throw AssessmentProblem.notNow("quarter.open.anotherOpen", open.label());
		});
		quarter.moveTo(QuarterState.OPEN);
		return quarters.saveAndFlush(quarter).info();
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo closeQuarter(String label) {
		Quarter quarter = quarters.lockByLabel(label).orElseThrow(() -> new QuarterNotFoundException(label));
		if (quarter.state() != QuarterState.OPEN) {
			throw AssessmentProblem.notNow("quarter.close.notOpen", label);
		}
		quarter.moveTo(QuarterState.CLOSED);
		return quarters.saveAndFlush(quarter).info();
	}

	/** A quarter that cannot be created; each problem names its field. */
	static class InvalidQuarterException extends RuntimeException {

		private final List<FieldProblem> problems;

		InvalidQuarterException(List<FieldProblem> problems) {
			super("Invalid quarter: " + problems);
			this.problems = problems;
		}

		List<FieldProblem> problems() {
			return problems;
		}

	}

}
