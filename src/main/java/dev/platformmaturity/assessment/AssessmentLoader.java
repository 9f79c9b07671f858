package dev.platformmaturity.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelVersion;

/**
 * Writes whole assessments at once, with batched statements, for data that did not come
 * through the answering pages: the demo organisation's past quarters, or assessments
 * carried over from an earlier tool, with their kept figures. Administrators only.
 */
@Service
public class AssessmentLoader {

	private final JdbcTemplate jdbc;

	private final AssessmentRows rows;

	AssessmentLoader(JdbcTemplate jdbc, AssessmentRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * One assessment as it should be stored. {@code levels} maps question keys to the
	 * chosen level; questions in {@code notApplicable} are answered "not applicable";
	 * questions in neither are unanswered.
	 */
	public record Loaded(long teamId, long quarterId, AssessmentStatus status, long personId, Instant at,
			Map<String, Integer> levels, Set<String> notApplicable, Map<String, String> comments,
			Map<String, Integer> targets, Set<String> carriedOver) {
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void load(ModelVersion version, List<Loaded> assessments) {
		List<Object[]> answers = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (Loaded loaded : assessments) {
			boolean submitted = loaded.status() == AssessmentStatus.SUBMITTED;
			Timestamp at = Timestamp.from(loaded.at());
			Long id = jdbc.queryForObject("""
					insert into assessment (team_id, quarter_id, model_version_id, status, created_at, created_by,
					    submitted_at, submitted_by, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, loaded.teamId(), loaded.quarterId(),
					version.databaseId(), loaded.status().name(), at, loaded.personId(), submitted ? at : null,
					submitted ? loaded.personId() : null, at);
			ids.add(id);
			for (MaturityModel.Aspect aspect : version.model().aspects()) {
				for (MaturityModel.Question question : aspect.questions()) {
					String key = question.id();
					boolean answered = loaded.levels().containsKey(key) || loaded.notApplicable().contains(key);
					answers.add(new Object[] { id, version.questionIds().get(key), loaded.levels().get(key),
							loaded.notApplicable().contains(key), loaded.comments().get(key),
							loaded.carriedOver().contains(key), at, answered ? loaded.personId() : null });
				}
				targets.add(new Object[] { id, version.aspectIds().get(aspect.key()),
						loaded.targets().get(aspect.key()), at, loaded.personId() });
			}
			events.add(new Object[] { id, "START", loaded.personId(), at });
			if (submitted) {
				events.add(new Object[] { id, "SUBMIT", loaded.personId(), at });
			}
		}
		jdbc.batchUpdate(
				"""
						insert into answer (assessment_id, question_id, level, not_applicable, comment, carried_over, updated_at, updated_by)
						values (?, ?, ?, ?, ?, ?, ?, ?)""",
				answers);
		jdbc.batchUpdate(
				"insert into target (assessment_id, aspect_id, level, updated_at, updated_by) values (?, ?, ?, ?, ?)",
				targets);
		jdbc.batchUpdate(
				"insert into assessment_event (assessment_id, kind, changed_by, changed_at) values (?, ?, ?, ?)",
				events);
		rows.recountFigures(ids);
	}

}
