package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.ms;

/**
 * Scenario 3: autosave writes per second (wrk with bench/autosave.lua, one team per connection) against pgbench
 * running the application's own UPDATE of an answer; for context, an API request without database work; and how
 * many statements one save sends.
 */
final class AutosaveScenario {

	static final double GOAL = 0.35;

	static final int GOAL_STATEMENTS = 4;

	private static final Pattern ANSWER_UPDATE = Pattern.compile("(?is)^update answer set (.*) where (.*)$");

	private final TeamRun run;

	AutosaveScenario(TeamRun run) {
		this.run = run;
	}

	/** The statements one save sent, against the goal: at most four, in one transaction. */
	static void statements(TeamRun run, StatementLog save) {
		run.report.details.add("One autosave request (PUT …/answers/{question}) at " + fmtInt(run.teams)
				+ " teams sent " + save.describe() + ": " + save.names() + ".");
		StatementLog own = save.withoutSessionStore();
		run.report.row("3", "Statements of one autosave request (its own; with the session's read)", run.teams,
				own.summary() + " (" + save.summary() + ")", "—", "—", "≤ " + GOAL_STATEMENTS + " in 1 transaction",
				run.report.met(own.count() <= GOAL_STATEMENTS && own.transactions() <= 1));
	}

	void run() throws Exception {
		Bench bench = run.bench;
		Options options = run.options;
		App app = run.app;
		int threads = options.threads;
		List<String> slugs = new ArrayList<>();
		for (int i = 1; i <= threads; i++) {
			slugs.add(Dataset.team(i));
		}
		String csrf = run.admin.csrf();
		List<String> headers = List.of("Cookie: " + run.admin.cookieHeader(), run.admin.csrfHeader() + ": " + csrf,
				"Content-Type: application/json");
		Path script = bench.root.resolve("bench/autosave.lua");
		log("Autosave with wrk -t" + threads + " -c" + threads + " -d" + options.duration
				+ "s (admin, one team per connection)");
		if (options.warmup() > 0) {
			log("Warming up autosave, " + options.warmup() + " s");
			saves(headers, options.warmup(), script, slugs).requireAutosave();
		}
		app.settle();
		Usage[] usage = new Usage[1];
		Wrk saves = bench.profiler.profiled(app, "autosave-" + run.teams, () -> run.measure("3 autosave (wrk)",
				() -> saves(headers, options.duration, script, slugs), usage));
		saves.requireAutosave();
		double writes = saves.autosaveOk / saves.seconds;
		Path pg = bench.work.resolve("autosave-" + run.teams + ".pgbench.sql");
		Files.writeString(pg, baselineScript());
		app.settle();
		Usage[] baseUsage = new Usage[1];
		Pgbench base = run.measure("3 autosave UPDATE (pgbench)", () -> Pgbench.run(bench, run.db, pg, threads,
				options.duration, "autosave-" + run.teams), baseUsage);
		run.data.recountKeptFigures();
		double ratio = writes / base.tps();
		String load = "wrk -t" + threads + " -c" + threads + "; pgbench -c " + threads;
		run.report.row("3", "Autosave writes/s vs pgbench with the same UPDATE (admin, " + load + ")", run.teams,
				fmt(writes, 0) + " writes/s (p50 " + ms(saves.p50Ms) + ", " + saves.autosaveConflicts + " conflicts)",
				fmt(base.tps(), 0) + " tps (p50 " + ms(base.medianMs()) + ")", fmt(ratio, 2), "≥ " + GOAL,
				run.report.met(ratio >= GOAL));
		run.report.details.add("Autosave at " + fmtInt(run.teams) + " teams: application CPU per write "
				+ ms(1000 * usage[0].appCores() / writes) + ", PostgreSQL CPU per write "
				+ ms(1000 * usage[0].pgCores() / writes) + " (pgbench: "
				+ ms(1000 * baseUsage[0].pgCores() / base.tps()) + " per transaction).");
		// The most any request can reach here: the same session and filter chain, a handler with no database work.
		app.settle();
		Wrk ceiling = run.measure("3 API request without database (wrk)", () -> Wrk.run(bench.processes, app,
				new Wrk.Load("/api/v1/csrf", List.of("Cookie: " + run.admin.cookieHeader()), threads, threads,
						options.duration, bench.root.resolve("bench/pages.lua"), List.of())));
		ceiling.requireClean("/api/v1/csrf");
		run.report.row("3", "Context: an API request without database work, GET /api/v1/csrf (admin, wrk -t" + threads
				+ " -c" + threads + ") vs the same pgbench", run.teams,
				fmt(ceiling.rps, 0) + " req/s (p50 " + ms(ceiling.p50Ms) + ")", fmt(base.tps(), 0) + " tps",
				fmt(ceiling.rps / base.tps(), 2), "—", "—");
		run.report.details.add("Autosave at " + fmtInt(run.teams) + " teams reaches "
				+ fmt(100 * writes / ceiling.rps, 0) + " % of the rate of an API request that does no database work ("
				+ fmt(ceiling.rps, 0) + " req/s).");
	}

	private Wrk saves(List<String> headers, int seconds, Path script, List<String> slugs) throws Exception {
		int threads = run.options.threads;
		return Wrk.run(run.bench.processes, run.app, new Wrk.Load("/", headers, threads, threads, seconds, script,
				arguments(slugs)));
	}

	/** bench/autosave.lua's arguments: the open quarter, the question keys, per thread "team=version:level,…". */
	private List<String> arguments(List<String> slugs) throws Exception {
		Map<String, long[]> state = run.data.answerState(slugs);
		List<String> args = new ArrayList<>();
		args.add(run.data.openQuarter);
		args.add(String.join(",", run.data.questionKeys()));
		for (String slug : slugs) {
			long[] values = state.get(slug);
			StringBuilder spec = new StringBuilder(slug).append('=');
			for (int i = 0; i < values.length / 2; i++) {
				spec.append(i == 0 ? "" : ",").append(values[2 * i]).append(':').append(values[2 * i + 1]);
			}
			args.add(spec.toString());
		}
		return args;
	}

	/**
	 * The application's UPDATE of an answer, as captured, on a random answer of the open quarter: the row's
	 * assessment, question and version are read first (the application reads the row too), the level is random.
	 * When the log holds no plain UPDATE of an answer, a plain one of the same row stands in, and the report says so.
	 */
	private String baselineScript() {
		String update = run.autosaveLog == null ? null : run.autosaveLog.statements.stream()
			.map(StatementLog.Statement::sql)
			.filter(sql -> ANSWER_UPDATE.matcher(sql).matches())
			.findFirst()
			.orElse(null);
		if (update == null) {
			run.report.details.add("Autosave at " + fmtInt(run.teams) + " teams: the log held no plain UPDATE of "
					+ "an answer; the pgbench baseline reads and updates a random answer of the open quarter with a "
					+ "version check.");
			return run.data.plainAnswerUpdate();
		}
		Matcher m = ANSWER_UPDATE.matcher(update);
		m.matches();
		String set = Arrays.stream(m.group(1).split(",(?=\\s*\\w+\\s*=)")).map(assignment -> {
			String column = assignment.substring(0, assignment.indexOf('=')).strip();
			return switch (column) {
				case "assessment_id" -> "assessment_id=:assessment_id";
				case "question_id" -> "question_id=:question_id";
				case "level" -> "level=:level";
				case "version" -> "version=:version + 1";
				default -> assignment.strip();
			};
		}).collect(Collectors.joining(","));
		String where = m.group(2).replaceAll("(?i)\\bid\\s*=\\s*\\S+", "id=:id")
			.replaceAll("(?i)\\bversion\\s*=\\s*'?\\d+'?", "version=:version");
		return "\\set id random(" + run.data.openAnswerLow + ", " + run.data.openAnswerHigh + ")\n"
				+ "\\set level random(1, 4)\n"
				+ "select assessment_id, question_id, version from answer where id = :id \\gset\n"
				+ "update answer set " + set + " where " + where + ";\n";
	}

}
