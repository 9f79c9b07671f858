package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.median;
import static bench.Format.ms;

/**
 * Scenario 1: the survey page's throughput against {@code /about} (a Thymeleaf page from cached data), both with wrk
 * and the member's session, alternating; and how many statements one survey page sends.
 */
final class PagesScenario {

	static final double GOAL = 0.5;

	static final int GOAL_STATEMENTS = 3;

	private final TeamRun run;

	PagesScenario(TeamRun run) {
		this.run = run;
	}

	/** The statements one survey page sent, against the goal. */
	static void statements(TeamRun run, StatementLog survey) {
		run.report.details.add("One survey page request at " + fmtInt(run.teams) + " teams sent " + survey.describe()
				+ ": " + survey.names() + ".");
		StatementLog own = survey.withoutSessionStore();
		run.report.row("1", "Statements of one survey page (its own; with the session's read)", run.teams,
				own.summary() + " (" + survey.summary() + ")", "—", "—", "≤ " + GOAL_STATEMENTS,
				run.report.met(own.count() <= GOAL_STATEMENTS));
	}

	void run() throws Exception {
		Bench bench = run.bench;
		Options options = run.options;
		App app = run.app;
		String survey = run.surveyPath();
		run.member.get(survey).expect(200, "text/html").expectBody(run.data.questions.get(0).key());
		run.member.get("/about").expect(200, "text/html");
		List<String> headers = List.of("Cookie: " + run.member.cookieHeader());
		Path script = bench.root.resolve("bench/pages.lua");
		int t = options.threads;
		int c = options.connections;
		if (options.warmup() > 0) {
			log("Warming up /about and the survey page, " + options.warmup() + " s each");
			int third = Math.max(1, options.warmup() / 3);
			for (int i = 0; i < 3; i++) {
				load("/about", headers, third, script);
				load(survey, headers, third, script);
			}
		}
		app.settle();
		int rounds = options.pageRounds();
		int each = Math.max(1, options.duration / rounds);
		log("Survey page and /about with wrk -t" + t + " -c" + c + ", " + rounds + " × " + each
				+ " s each, alternating");
		List<Wrk> abouts = new ArrayList<>();
		List<Wrk> pages = new ArrayList<>();
		Sampler sampler = new Sampler(bench, app);
		Map<String, Usage> usage;
		try {
			for (int r = 0; r < rounds; r++) {
				sampler.phase("1 /about (wrk)");
				abouts.add(load("/about", headers, each, script));
				sampler.phase("1 survey page (wrk)");
				pages.add(load(survey, headers, each, script));
			}
		}
		finally {
			usage = sampler.stop(run.teams);
			run.report.usages.addAll(usage.values());
		}
		abouts.forEach(w -> w.requireClean("/about"));
		pages.forEach(w -> w.requireClean("survey page"));
		Usage aboutTotal = usage.get("1 /about (wrk)");
		Usage pageTotal = usage.get("1 survey page (wrk)");
		double aboutRps = Wrk.rate(abouts);
		double pageRps = Wrk.rate(pages);
		double ratio = pageRps / aboutRps;
		List<String> perRound = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			perRound.add(fmt(pages.get(r).rps, 0) + " / " + fmt(abouts.get(r).rps, 0) + " = "
					+ fmt(pages.get(r).rps / abouts.get(r).rps, 2));
		}
		run.report.row("1", "Survey page throughput vs /about (member, wrk -t" + t + " -c" + c + ")", run.teams,
				fmt(pageRps, 0) + " req/s (p50 " + ms(median(pages.stream().map(w -> w.p50Ms).toList())) + ")",
				fmt(aboutRps, 0) + " req/s (p50 " + ms(median(abouts.stream().map(w -> w.p50Ms).toList())) + ")",
				fmt(ratio, 2), "≥ " + GOAL, run.report.met(ratio >= GOAL));
		if (options.profile) {
			bench.profiler.profiled(app, "about-" + run.teams, () -> load("/about", headers, each, script));
			bench.profiler.profiled(app, "survey-" + run.teams, () -> load(survey, headers, each, script));
		}
		run.report.details.add("Pages at " + fmtInt(run.teams) + " teams, survey / about req/s per round: "
				+ String.join("; ", perRound) + ". Application CPU per request: survey page "
				+ ms(1000 * pageTotal.appCores() / pageRps) + ", /about " + ms(1000 * aboutTotal.appCores() / aboutRps)
				+ "; PostgreSQL CPU per request: survey page " + ms(1000 * pageTotal.pgCores() / pageRps) + ", /about "
				+ ms(1000 * aboutTotal.pgCores() / aboutRps) + ".");
	}

	private Wrk load(String path, List<String> headers, int seconds, Path script) throws Exception {
		return Wrk.run(run.bench.processes, run.app, new Wrk.Load(path, headers, run.options.threads,
				run.options.connections, seconds, script, List.of()));
	}

}
