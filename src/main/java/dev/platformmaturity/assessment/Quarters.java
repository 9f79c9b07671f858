package dev.platformmaturity.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.shared.FieldProblem;

/**
 * The survey rounds. Administrators create them and move them from planned to open to
 * closed; one is open at a time.
 */
@Service
public class Quarters {

	static final Pattern LABEL = Pattern.compile("[0-9]{4}-Q[1-4]");

	/**
	 * Quarter dates lie in this range; a date outside it is a typing mistake (year
	 * 99999), not a plan.
	 */
	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

	/** The longest reason for reopening a quarter, in characters. */
	static final int REASON_MAX_LENGTH = 2000;

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

	/**
	 * How far each team's assessment of the quarter is: status and reviewed answers, in
	 * one query.
	 */
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
		jdbc.sql(PROGRESS + "where a.team_id = :team").param("team", teamId).query(rs -> {
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
	 * How far an assessment is: its answers answered, reviewed this quarter and carried
	 * over (not yet confirmed), of its questions. Progress counts reviewed answers.
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
		return date == null || !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE) ? Optional.empty() : Optional
			.of(new FieldProblem(field, "quarter.date.outOfRange", EARLIEST_DATE.toString(), LATEST_DATE.toString()));
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

	/**
	 * Opens a planned quarter; only one quarter is open at a time.
	 * @param by the administrator, or null for a start-up task
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo openQuarter(String label, Long by) {
		Quarter quarter = lock(label);
		if (quarter.state() != QuarterState.PLANNED) {
			throw AssessmentProblem.notNow("quarter.open.notPlanned", label);
		}
		return moveTo(quarter, QuarterState.OPEN, QuarterEvent.Kind.OPEN, null, by);
	}

	/** Closes the open quarter: its answers no longer change. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo closeQuarter(String label, Long by) {
		Quarter quarter = lock(label);
		if (quarter.state() != QuarterState.OPEN) {
			throw AssessmentProblem.notNow("quarter.close.notOpen", label);
		}
		return moveTo(quarter, QuarterState.CLOSED, QuarterEvent.Kind.CLOSE, null, by);
	}

	/**
	 * Opens a closed quarter again, while no other is open, for a reason that is recorded
	 * with who and when.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public QuarterInfo reopenQuarter(String label, String reason, long by) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw AssessmentProblem.badInput("quarter.reopen.reason.required");
		}
		if (why.codePointCount(0, why.length()) > REASON_MAX_LENGTH) {
			throw AssessmentProblem.badInput("quarter.reopen.reason.tooLong", REASON_MAX_LENGTH);
		}
		Quarter quarter = lock(label);
		if (quarter.state() == QuarterState.OPEN) {
			throw AssessmentProblem.notNow("quarter.reopen.alreadyOpen", label);
		}
		if (quarter.state() != QuarterState.CLOSED) {
			throw AssessmentProblem.notNow("quarter.reopen.notClosed", label);
		}
		return moveTo(quarter, QuarterState.OPEN, QuarterEvent.Kind.REOPEN, why, by);
	}

	private Quarter lock(String label) {
		return quarters.lockByLabel(label == null ? "" : label)
			.orElseThrow(() -> AssessmentProblem.unknown("error.quarter.notFound", label));
	}

	private QuarterInfo moveTo(Quarter quarter, QuarterState next, QuarterEvent.Kind kind, String reason, Long by) {
		if (next == QuarterState.OPEN) {
			quarters.findByState(QuarterState.OPEN).ifPresent(open -> {
				throw AssessmentProblem.notNow("quarter.open.anotherOpen", open.label());
			});
		}
		quarter.moveTo(next);
		QuarterInfo moved;
		try {
			moved = quarters.saveAndFlush(quarter).info();
		}
		catch (DataIntegrityViolationException anotherOpenedMeanwhile) {
			throw AssessmentProblem.notNow("quarter.open.anotherOpenMeanwhile");
		}
		jdbc.sql("""
				insert into quarter_event (quarter_id, kind, reason, changed_by)
				values (:quarter, :kind, :reason, :by)""")
			.param("quarter", moved.id())
			.param("kind", kind.name())
			.param("reason", reason)
			.param("by", by)
			.update();
		return moved;
	}

	/**
	 * Who opened, closed and reopened each quarter, when and why, oldest first, by
	 * quarter id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<QuarterEvent>> events() {
		Map<Long, List<QuarterEvent>> events = new HashMap<>();
		jdbc.sql("""
				select e.quarter_id, e.kind, e.reason, e.changed_at, p.display_name
				from quarter_event e left join person p on p.id = e.changed_by
				order by e.id""").query(rs -> {
			events.computeIfAbsent(rs.getLong("quarter_id"), quarter -> new ArrayList<>())
				.add(new QuarterEvent(QuarterEvent.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
						rs.getString("display_name"),
						rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant()));
		});
		return events;
	}

	/**
	 * Every enabled team with how far its assessment of the quarter is, by team name;
	 * null progress when it has not started.
	 */
	@Transactional(readOnly = true)
	public List<TeamProgress> teamProgress(long quarterId) {
		return jdbc.sql("""
				select t.slug, t.name, g.name as group_name, a.status, a.updated_at, a.answered_count,
				       a.reviewed_count, a.carried_over_count,
				       (select count(*) from question qu where qu.model_version_id = a.model_version_id) as questions
				from team t join team_group g on g.id = t.group_id
				left join assessment a on a.team_id = t.id and a.quarter_id = :quarter
				where t.enabled
				order by lower(t.name), t.slug""")
			.param("quarter", quarterId)
			.query((rs, n) -> new TeamProgress(rs.getString("slug"), rs.getString("name"), rs.getString("group_name"),
					rs.getString("status") == null ? null : progress(rs)))
			.list();
	}

	/** A team and how far its assessment of a quarter is (null: not started). */
	public record TeamProgress(String slug, String name, String groupName, Progress progress) {

		public AssessmentStatus status() {
			return progress == null ? AssessmentStatus.NOT_STARTED : progress.status();
		}

		public boolean submitted() {
			return status() == AssessmentStatus.SUBMITTED;
		}

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
