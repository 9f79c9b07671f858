package dev.platformmaturity.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.assessment.AssessmentLoader;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.model.ModelCatalog;

/**
 * Stores whole assessments for a test in one call, as the loader writes them (every
 * answer and target row, a START event, a SUBMIT event when submitted), for the current
 * model version:
 * {@code assessments.submitted(team, quarter, author).levels(Map.of("investment_1", 3)).load()}.
 */
public class TestAssessments {

	private final AssessmentLoader loader;

	private final ModelCatalog catalog;

	private final TestData data;

	private final JdbcClient jdbc;

	public TestAssessments(AssessmentLoader loader, ModelCatalog catalog, TestData data, JdbcClient jdbc) {
		this.loader = loader;
		this.catalog = catalog;
		this.data = data;
		this.jdbc = jdbc;
	}

	/**
	 * A new team named after the test, with one member, in the open quarter (opened when
	 * none is).
	 */
	public AnsweringTeam answeringTeam(String name) {
		return new AnsweringTeam(data, jdbc, name);
	}

	public Builder submitted(TestData.Team team, TestData.Quarter quarter, TestData.Person author) {
		return assessment(team, quarter.id(), AssessmentStatus.SUBMITTED, author);
	}

	public Builder inProgress(TestData.Team team, TestData.Quarter quarter, TestData.Person author) {
		return assessment(team, quarter.id(), AssessmentStatus.IN_PROGRESS, author);
	}

	public Builder assessment(TestData.Team team, long quarterId, AssessmentStatus status, TestData.Person author) {
		return new Builder(team.id(), quarterId, status, author.id());
	}

	/** Stores several assessments in one transaction. */
	public void load(List<Loaded> assessments) {
		SystemTask.run(() -> loader.load(catalog.currentVersion(), assessments));
	}

	public final class Builder {

		private final long teamId;

		private final long quarterId;

		private final AssessmentStatus status;

		private final long authorId;

		private Map<String, Integer> levels = Map.of();

		private Set<String> notApplicable = Set.of();

		private Map<String, String> comments = Map.of();

		private Map<String, Integer> targets = Map.of();

		private Builder(long teamId, long quarterId, AssessmentStatus status, long authorId) {
			this.teamId = teamId;
			this.quarterId = quarterId;
			this.status = status;
			this.authorId = authorId;
		}

		/** The chosen level by question key; questions left out are unanswered. */
		public Builder levels(Map<String, Integer> levels) {
			this.levels = levels;
			return this;
		}

		public Builder notApplicable(Set<String> questions) {
			this.notApplicable = questions;
			return this;
		}

		public Builder comments(Map<String, String> comments) {
			this.comments = comments;
			return this;
		}

		/** The target level by aspect key. */
		public Builder targets(Map<String, Integer> targets) {
			this.targets = targets;
			return this;
		}

		public Loaded loaded() {
			return new Loaded(teamId, quarterId, status, authorId, Instant.now(), levels, notApplicable, comments,
					targets, Set.of());
		}

		public void load() {
			TestAssessments.this.load(List.of(loaded()));
		}

	}

}
