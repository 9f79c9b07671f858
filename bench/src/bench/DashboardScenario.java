package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.median;
import static bench.Format.ms;
import static bench.Format.percentile;

/**
 * Scenario 2: the dashboard's median latency as the lead, sequentially, against the same SQL run bare with pgbench
 * (one client); the plans of that SQL; and, across team counts, how the median grows.
 */
final class DashboardScenario {

	static final double GOAL_VS_SQL = 2;

	/** The goals for the growth of the median, by pair of team counts. */
	private static final Map<List<Integer>, Double> GOAL_GROWTH = Map.of(List.of(200, 2000), 3.0,
			List.of(2000, 20000), 10.0);

	/**
	 * The highest growth exponent of a statement's row visits between two team counts that a plan linear in the
	 * teams stays under (1 is linear, 2 quadratic).
	 */
	static final double GOAL_EXPONENT = 1.5;

	/** Statements with fewer row visits than this at the larger count are too small to tell a growth. */
	private static final double MEANINGFUL_VISITS = 10_000;

	/** At the scale step: at most this many requests, and no more after this many seconds (but at least three). */
	private static final int SCALE_REQUESTS = 10;

	private static final long SCALE_SECONDS = 180;

	private static final double SLOW_MS = 5000;

	private final TeamRun run;

	DashboardScenario(TeamRun run) {
		this.run = run;
	}

	void run() throws Exception {
		Options options = run.options;
		App app = run.app;
		String path = run.dashboardPath();
		int warmup = run.scaleStep ? 3 : options.dashboardWarmup();
		log("Dashboard: up to " + warmup + " requests of warm-up, then the measured ones");
		for (int i = 0; i < warmup; i++) {
			double millis = run.lead.get(path).expect(200, "text/html").millis();
			// At scale, a request of seconds warms nothing that matters: one is enough then.
			if (run.scaleStep && millis > SLOW_MS) {
				break;
			}
		}
		app.settle();
		List<Double> times = run.bench.profiler.profiled(app, "dashboard-" + run.teams, () -> run.measure(
				"2 dashboard (sequential)", () -> {
					List<Double> list = new ArrayList<>();
					long started = System.nanoTime();
					int requests = run.scaleStep ? SCALE_REQUESTS : options.dashboardRequests();
					for (int i = 0; i < requests; i++) {
						if (run.scaleStep && i >= 3 && System.nanoTime() - started > SCALE_SECONDS * 1_000_000_000L) {
							break;
						}
						list.add(run.lead.get(path).expect(200, "text/html").millis());
					}
					return list;
				}));
		double page = median(times);
		log("  dashboard median " + ms(page) + " over " + times.size() + " requests");
		Path script = run.bench.work.resolve("dashboard-" + run.teams + ".pgbench.sql");
		Files.writeString(script, String.join(";\n", run.dashboardSql) + ";\n");
		app.settle();
		Pgbench sql = run.measure("2 dashboard SQL (pgbench -c 1)", () -> Pgbench.run(run.bench, run.db, script, 1,
				options.duration, "dashboard-" + run.teams));
		double ratio = page / sql.medianMs();
		run.bench.dashboardMedians.put(run.teams, page);
		run.report.row("2", "Dashboard median latency vs the same SQL (lead, " + times.size()
				+ " sequential; pgbench -c 1)", run.teams, ms(page) + " (p90 " + ms(percentile(times, 0.9)) + ")",
				ms(sql.medianMs()) + " (" + Format.tps(sql.tps()) + ")", fmt(ratio, 2), "≤ " + fmt(GOAL_VS_SQL, 0),
				run.report.met(ratio <= GOAL_VS_SQL));
		List<String> perStatement = new ArrayList<>();
		for (int i = 0; i < run.dashboardSql.size() && i < sql.statementMs().size(); i++) {
			perStatement.add(StatementLog.shortName(run.dashboardSql.get(i)) + " " + ms(sql.statementMs().get(i)));
		}
		run.report.details.add("Dashboard SQL at " + fmtInt(run.teams)
				+ " teams, mean latency per statement (pgbench -r): " + String.join("; ", perStatement) + ".");
		run.report.plans.put(run.teams, Explain.run(run.bench, run.db, run.dashboardSql,
				run.bench.work.resolve("dashboard-" + run.teams + ".explain.txt")));
	}

	/**
	 * The growth of the median between consecutive team counts, judged where the goals name the pair; and of the
	 * plans: the statement whose row visits grow fastest with the teams.
	 */
	static void growth(Bench bench) {
		medianGrowth(bench);
		planGrowth(bench);
	}

	private static void medianGrowth(Bench bench) {
		List<Integer> sizes = new ArrayList<>(bench.dashboardMedians.keySet());
		for (int i = 1; i < sizes.size(); i++) {
			int small = sizes.get(i - 1);
			int large = sizes.get(i);
			double a = bench.dashboardMedians.get(small);
			double b = bench.dashboardMedians.get(large);
			double growth = b / a;
			Double goal = GOAL_GROWTH.get(List.of(small, large));
			bench.report.row("2", "Dashboard median growth " + fmtInt(small) + " → " + fmtInt(large) + " teams", 0,
					ms(b) + " (" + fmtInt(large) + ")", ms(a) + " (" + fmtInt(small) + ")", fmt(growth, 2) + "×",
					goal == null ? "—" : "≤ " + fmt(goal, 0) + "×",
					goal == null ? "—" : bench.report.met(growth <= goal));
		}
	}

	private static void planGrowth(Bench bench) {
		List<Integer> sizes = new ArrayList<>(bench.report.plans.keySet());
		for (int s = 1; s < sizes.size(); s++) {
			int small = sizes.get(s - 1);
			int large = sizes.get(s);
			List<Explain.Plan> before = bench.report.plans.get(small);
			List<Explain.Plan> after = bench.report.plans.get(large);
			String worst = null;
			double highest = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
				if (!before.get(i).name().equals(after.get(i).name()) || after.get(i).rowVisits() < MEANINGFUL_VISITS) {
					continue;
				}
				double exponent = Explain.exponent(before.get(i), small, after.get(i), large);
				if (exponent > highest) {
					highest = exponent;
					worst = after.get(i).name();
				}
			}
			if (worst != null) {
				bench.report.row("2", "Dashboard plans: the fastest-growing statement's row visits, " + fmtInt(small)
						+ " → " + fmtInt(large) + " teams (growth exponent; 1 linear, 2 quadratic)", 0, worst, "—",
						fmt(highest, 2), "≤ " + GOAL_EXPONENT, bench.report.met(highest <= GOAL_EXPONENT));
			}
		}
	}

}
