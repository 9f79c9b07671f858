package bench;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;

/**
 * One team count: a fresh database, the application started on it, the data, the signed-in people, the SQL of one
 * dashboard, survey page and autosave request captured from PostgreSQL's log, then the scenarios in turn; at the
 * largest count, once more with a bounded heap for the organisation report. The scale step runs the dashboard alone.
 */
final class TeamRun {

	interface Scenario {

		void run() throws Exception;

	}

	final Bench bench;

	final Options options;

	final Report report;

	final int teams;

	final boolean bounded;

	final boolean scaleStep;

	final Database db;

	final Dataset data;

	App app;

	Session member;

	Session lead;

	Session admin;

	/** The queries of one dashboard request, as sent. */
	List<String> dashboardSql = List.of();

	/** The statements of one autosave request, as sent. */
	StatementLog autosaveLog;

	TeamRun(Bench bench, int teams, boolean bounded, boolean scaleStep) {
		this.bench = bench;
		this.options = bench.options;
		this.report = bench.report;
		this.teams = teams;
		this.bounded = bounded;
		this.scaleStep = scaleStep;
		String name = "pm_bench_" + teams + (options.smoke ? "_smoke" : "");
		this.db = new Database(name, name, "bench-" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE));
		this.data = new Dataset(bench.cluster, db, teams);
	}

	void run() throws Exception {
		log("== " + fmtInt(teams) + " teams" + (scaleStep ? ": the dashboard alone" : "") + " ==");
		bench.cluster.create(db);
		try {
			app = App.start(bench, db, options.jvmArgs(), "app-" + teams);
			data.generate(bench.root.resolve("bench/generate.sql"), options.quarters, options.seed);
			report.details.add("Data at " + fmtInt(teams) + " teams: " + data.summary + ", generated and analysed in "
					+ fmt(data.seconds, 1) + " s.");
			lead = app.session(Dataset.LEAD);
			if (!scaleStep) {
				member = app.session(Dataset.MEMBER);
				admin = app.session(Dataset.ADMIN);
			}
			capture();
			if (scaleStep) {
				step("2", "Dashboard at scale", new DashboardScenario(this)::run);
			}
			else {
				scenarios();
			}
			if (!options.smoke) {
				report.details.add("JIT at " + fmtInt(teams) + " teams: before the measured steps the driver waited "
						+ fmt(app.settledSeconds, 0)
						+ " s in all for the compiler threads to go quiet after the warm-ups.");
			}
			app.stop();
			if (bounded && options.runs("reports")) {
				step("5", "Organisation PDF -Xmx" + options.boundedHeap,
						new ReportScenarios(this)::boundedOrganisationReport);
			}
		}
		finally {
			if (app != null) {
				app.stop();
			}
			bench.cluster.drop(db);
		}
	}

	private void scenarios() {
		if (options.runs("pages")) {
			step("1", "Survey page vs /about", new PagesScenario(this)::run);
		}
		if (options.runs("dashboard")) {
			step("2", "Dashboard vs its SQL", new DashboardScenario(this)::run);
		}
		if (options.runs("autosave")) {
			step("3", "Autosave vs pgbench", new AutosaveScenario(this)::run);
		}
		if (options.runs("reports")) {
			ReportScenarios reports = new ReportScenarios(this);
			step("4", "Team PDF vs HTML", reports::teamReport);
			step("5", "Organisation PDF", reports::organisationReport);
		}
		if (options.runs("crowd")) {
			step("6", "Crowd of respondents", new CrowdScenario(this)::run);
		}
		if (options.runs("browser")) {
			step("7", "Browser beside the prototype", new BrowserScenario(this)::run);
		}
	}

	/** Runs a scenario; a failure is reported (and makes the exit status 1) and the next scenario runs. */
	void step(String number, String scenario, Scenario body) {
		try {
			body.run();
		}
		catch (Exception failed) {
			String message = failed.getMessage() == null ? failed.toString() : failed.getMessage();
			log("FAILED " + scenario + " at " + fmtInt(teams) + " teams: " + message);
			report.failed(number, scenario, teams, message);
		}
	}

	<T> T measure(String step, Profiler.Body<T> body) throws Exception {
		return measure(step, body, new Usage[1]);
	}

	/** Runs the body while sampling the application's heap (jstat, 250 ms) and the CPU of it and of PostgreSQL. */
	<T> T measure(String step, Profiler.Body<T> body, Usage[] usage) throws Exception {
		Sampler sampler = new Sampler(bench, app);
		sampler.phase(step);
		try {
			return body.run();
		}
		finally {
			Usage u = sampler.stop(teams).get(step);
			usage[0] = u;
			report.usages.add(u);
		}
	}

	String surveyPath() {
		return "/teams/" + Dataset.team(1) + "/assessments/" + data.openQuarter + "/answer?aspect="
				+ data.aspects().get(0);
	}

	String dashboardPath() {
		return "/dashboard?quarter=" + data.openQuarter;
	}

	String answerPath(String team, String question) {
		return "/api/v1/teams/" + team + "/assessments/" + data.openQuarter + "/answers/" + question;
	}

	/** An autosave body that changes the answer: level 3 becomes 2, anything else 3. */
	static String answerJson(String question, long level, long version) {
		return "{\"option\":\"" + question + ":" + (level == 3 ? 2 : 3) + "\",\"version\":" + version + "}";
	}

	/**
	 * With log_statement = all for the application's role (set before it started): the exact SQL of one dashboard
	 * request, one survey page and one autosave request; then logging is switched off and the application's
	 * connections renewed.
	 */
	private void capture() throws Exception {
		// A dashboard request at the scale step may take many seconds before the fixes: fewer of them there.
		int repeat = scaleStep ? 1 : 3;
		for (int i = 0; i < repeat; i++) {
			lead.get(dashboardPath()).expect(200, "text/html");
		}
		StatementLog dashboard = bench.cluster.capture(db, () -> lead.get(dashboardPath()).expect(200, "text/html"));
		dashboardSql = dashboard.queries();
		if (dashboardSql.isEmpty()) {
			throw new IllegalStateException("No dashboard SQL found in the PostgreSQL log " + bench.cluster.logFile());
		}
		Files.writeString(bench.work.resolve("dashboard-" + teams + ".sql"),
				String.join(";\n\n", dashboardSql) + ";\n");
		report.details.add("One dashboard request at " + fmtInt(teams) + " teams sent " + dashboard.describe()
				+ "; the baseline runs its " + dashboardSql.size() + " queries: "
				+ dashboardSql.stream().map(StatementLog::shortName).collect(Collectors.joining(", ")) + ".");
		if (!scaleStep && options.runs("pages")) {
			member.get(surveyPath()).expect(200, "text/html");
			StatementLog survey = bench.cluster.capture(db, () -> member.get(surveyPath()).expect(200, "text/html"));
			Files.writeString(bench.work.resolve("survey-" + teams + ".log.sql"), survey.statements.stream()
				.map(StatementLog.Statement::sql).collect(Collectors.joining(";\n")) + ";\n");
			PagesScenario.statements(this, survey);
		}
		if (!scaleStep && options.runs("autosave")) {
			// The last team's first question, after one save of its second question (the first save of the
			// application also loads the model version into its cache).
			String team = Dataset.team(teams);
			long[] state = data.answerState(List.of(team)).get(team);
			String warm = data.questions.get(1).key();
			admin.put(answerPath(team, warm), answerJson(warm, state[3], state[2])).expect(200, "application/json");
			String question = data.questions.get(0).key();
			autosaveLog = bench.cluster.capture(db, () -> admin.put(answerPath(team, question),
					answerJson(question, state[1], state[0])).expect(200, "application/json"));
			Files.writeString(bench.work.resolve("autosave-" + teams + ".log.sql"), autosaveLog.statements.stream()
				.map(StatementLog.Statement::sql).collect(Collectors.joining(";\n")) + ";\n");
			AutosaveScenario.statements(this, autosaveLog);
		}
		bench.cluster.stopStatementLog(db);
		// The pool checks a connection that was idle for more than 500 ms before handing it out, and replaces the
		// ended ones: wait for that, then make sure every page works again.
		Thread.sleep(1500);
		for (int attempt = 1;; attempt++) {
			try {
				for (int i = 0; i < repeat; i++) {
					lead.get(dashboardPath()).expect(200, "text/html");
				}
				break;
			}
			catch (IllegalStateException notYet) {
				if (attempt == 5) {
					throw notYet;
				}
				Thread.sleep(1000);
			}
		}
	}

}
