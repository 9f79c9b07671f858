package dev.platformmaturity.assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that added the kept figures computes them right for the assessments that
 * existed before it.
 */
@IntegrationTest
class KeptFiguresMigrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	Assessments assessments;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theMigrationBackfillsEveryAssessmentsFiguresFromItsAnswers() throws IOException {
		TestData.Team team = data.team("Backfilled");
		TestData.Person member = data.member(team);
		TestData.Quarter earlier = data.closedQuarter();
		SystemTask.run(() -> loader.load(catalog.currentVersion(),
				List.of(new AssessmentLoader.Loaded(team.id(), earlier.id(), AssessmentStatus.SUBMITTED, member.id(),
						Instant.now(), Map.of("investment_1", 2, "investment_2", 4, "adoption_1", 1),
						Set.of("operations_1"), Map.of(), Map.of(), Set.of()))));
		SystemTask.run(() -> assessments.start(team.slug(), data.openQuarter().label(), member.id()));
		List<String> backfill = backfillStatements();
		assertThat(backfill).hasSize(2);

		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		rolledBack.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql("delete from assessment_aspect_score").update();
			jdbc.sql("update assessment set answered_count = 0, reviewed_count = 0, carried_over_count = 0").update();
			assertThat(KeptFigures.differences(jdbc)).as("figures forgotten").isNotEmpty();

			backfill.forEach(statement -> jdbc.sql(statement).update());

			assertThat(KeptFigures.differences(jdbc)).as("every assessment of %d", KeptFigures.assessments(jdbc))
				.isEmpty();
			assertThat(jdbc.sql("""
					select answered_count || '/' || reviewed_count || '/' || carried_over_count from assessment a
					join quarter q on q.id = a.quarter_id where a.team_id = ? and q.state = 'OPEN'""")
				.param(team.id())
				.query(String.class)
				.single()).as("carried over, not reviewed").isEqualTo("4/0/4");
		});
	}

	/**
	 * The statements of the migration that compute the figures of the assessments there
	 * are.
	 */
	private static List<String> backfillStatements() throws IOException {
		String migration = new ClassPathResource("db/migration/V7__kept_assessment_figures.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		return Arrays.stream(migration.split(";\\s*\\n"))
			.map(statement -> statement.replaceAll("(?m)^--.*$", "").strip())
			.filter(statement -> statement.startsWith("insert into") || statement.startsWith("update"))
			.toList();
	}

}
