package bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.median;
import static bench.Format.ms;
import static bench.Format.percentile;

/**
 * Scenario 6: a crowd of respondents on a quarter's last day. Each is a member of a team, signed in with its own
 * session; it reads its assessment one aspect at a time (the answering page) and saves each answer of that aspect
 * (autosave's PUT), with think time before every action. First one respondent alone, then the whole crowd at once:
 * errors counted, and the crowd's p99 latency against the p99 of the one alone. The pool and thread settings come
 * from the application's own metrics.
 */
final class CrowdScenario {

	static final double GOAL_P99 = 5;

	/**
	 * The pause of the one respondent alone: short, so that the same seconds give enough requests for a p99; the
	 * server is idle between its requests either way.
	 */
	static final int SOLO_PAUSE_MS = 200;

	/** At most this much of the crowd before anything is measured (the JIT compiles these requests' code). */
	private static final int WARMUP_SECONDS = 30;

	private static final Pattern SAVED_VERSION = Pattern
		.compile("\"answer\"\\s*:\\s*\\{[^}]*?\"version\"\\s*:\\s*(\\d+)");

	private static final Pattern CURRENT = Pattern.compile("\"current\"\\s*:\\s*(\\{[^}]*\\})");

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private static final Pattern LEVEL = Pattern.compile("\"level\"\\s*:\\s*(\\d+)");

	private final TeamRun run;

	CrowdScenario(TeamRun run) {
		this.run = run;
	}

	/** What the respondents met: latencies by kind, errors and conflicts. */
	static final class Tally {

		final List<Double> pages = new ArrayList<>();

		final List<Double> saves = new ArrayList<>();

		long errors;

		long conflicts;

		String firstError;

		void error(String what) {
			errors++;
			if (firstError == null) {
				firstError = what;
			}
		}

		void add(Tally other) {
			pages.addAll(other.pages);
			saves.addAll(other.saves);
			errors += other.errors;
			conflicts += other.conflicts;
			if (firstError == null) {
				firstError = other.firstError;
			}
		}

		List<Double> all() {
			List<Double> all = new ArrayList<>(pages);
			all.addAll(saves);
			return all;
		}

		long requests() {
			return pages.size() + saves.size() + errors;
		}

	}

	/** One person answering: a session, a team, the version and level of each of its answers. */
	private final class Respondent {

		final Session session;

		final String team;

		final long[] versions;

		final long[] levels;

		final Random random;

		Respondent(Session session, String team, long[] state, long seed) {
			this.session = session;
			this.team = team;
			this.versions = new long[state.length / 2];
			this.levels = new long[state.length / 2];
			for (int i = 0; i < versions.length; i++) {
				versions[i] = state[2 * i];
				levels[i] = state[2 * i + 1];
			}
			this.random = new Random(seed);
		}

		Tally answer(long seconds, int thinkMin, int thinkMax, boolean stagger) {
			Tally tally = new Tally();
			long deadline = System.nanoTime() + seconds * 1_000_000_000L;
			List<String> aspects = run.data.aspects();
			int aspect = random.nextInt(aspects.size());
			try {
				if (stagger) {
					Thread.sleep(random.nextInt(thinkMax + 1));
				}
				while (System.nanoTime() < deadline) {
					String key = aspects.get(aspect++ % aspects.size());
					read(key, tally);
					for (int q = 0; q < run.data.questions.size(); q++) {
						if (!run.data.questions.get(q).aspect().equals(key)) {
							continue;
						}
						Thread.sleep(thinkMin + random.nextInt(thinkMax - thinkMin + 1));
						if (System.nanoTime() >= deadline) {
							return tally;
						}
						save(q, tally);
					}
					Thread.sleep(thinkMin + random.nextInt(thinkMax - thinkMin + 1));
				}
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
			return tally;
		}

		private void read(String aspect, Tally tally) {
			String path = "/teams/" + team + "/assessments/" + run.data.openQuarter + "/answer?aspect=" + aspect;
			try {
				Response page = session.get(path, Duration.ofSeconds(30));
				if (page.status() == 200 && page.contentType() != null && page.contentType().startsWith("text/html")) {
					tally.pages.add(page.millis());
				}
				else {
					tally.error("page: HTTP " + page.status() + " " + page.contentType());
				}
			}
			catch (Exception failed) {
				tally.error("page: " + failed);
			}
		}

		private void save(int q, Tally tally) {
			String question = run.data.questions.get(q).key();
			long level = levels[q] == 3 ? 2 : 3;
			try {
				Response response = session.put(run.answerPath(team, question), TeamRun.answerJson(question, levels[q],
						versions[q]));
				if (response.status() == 200) {
					Matcher version = SAVED_VERSION.matcher(response.text());
					if (version.find()) {
						versions[q] = Long.parseLong(version.group(1));
						levels[q] = level;
						tally.saves.add(response.millis());
					}
					else {
						tally.error("save: 200 without the answer's version");
					}
				}
				else if (response.status() == 409) {
					tally.conflicts++;
					Matcher current = CURRENT.matcher(response.text());
					if (current.find()) {
						Matcher v = VERSION.matcher(current.group(1));
						Matcher l = LEVEL.matcher(current.group(1));
						versions[q] = v.find() ? Long.parseLong(v.group(1)) : versions[q];
						levels[q] = l.find() ? Long.parseLong(l.group(1)) : 0;
					}
				}
				else {
					tally.error("save: HTTP " + response.status());
				}
			}
			catch (Exception failed) {
				tally.error("save: " + failed);
			}
		}

	}

	void run() throws Exception {
		Options options = run.options;
		int size = options.crowd;
		log("Crowd: signing in " + size + " respondents");
		List<Respondent> respondents = signIn(size);
		Metrics metrics = new Metrics(run.admin);
		metrics.read();
		int warmup = Math.min(options.warmup(), WARMUP_SECONDS);
		if (warmup > 0) {
			log("Warming up with the crowd, " + warmup + " s");
			together(respondents, warmup);
		}
		run.app.settle();
		log("One respondent alone, " + options.soloSeconds() + " s, " + SOLO_PAUSE_MS + " ms between requests");
		Tally solo = run.measure("6 one respondent alone", () -> respondents.get(0).answer(options.soloSeconds(),
				SOLO_PAUSE_MS, SOLO_PAUSE_MS, false));
		run.app.settle();
		log("The crowd: " + size + " respondents, " + options.crowdSeconds + " s, think time " + options.thinkMinMs
				+ "–" + options.thinkMaxMs + " ms");
		Tally crowd = new Tally();
		metrics.startSampling();
		long started = System.nanoTime();
		try {
			crowd = run.measure("6 crowd of " + size, () -> together(respondents, options.crowdSeconds));
		}
		finally {
			metrics.stopSampling();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		log("  " + crowd.requests() + " requests, " + crowd.errors + " errors, " + crowd.conflicts + " conflicts");
		String firstError = crowd.firstError != null ? crowd.firstError : solo.firstError;
		long errors = crowd.errors + solo.errors;
		if (solo.all().isEmpty() || crowd.all().isEmpty()) {
			throw new IllegalStateException("no successful request (alone: " + solo.requests() + ", crowd: "
					+ crowd.requests() + "; first error: " + firstError + ")");
		}
		double crowdP99 = percentile(crowd.all(), 0.99);
		double soloP99 = percentile(solo.all(), 0.99);
		double ratio = crowdP99 / soloP99;
		String who = fmtInt(size) + " respondents, think " + options.thinkMinMs + "–" + options.thinkMaxMs + " ms, "
				+ options.crowdSeconds + " s";
		run.report.row("6", "Crowd errors (" + who + ")", run.teams, fmtInt(errors) + " of "
				+ fmtInt(crowd.requests() + solo.requests()) + " requests"
				+ (firstError == null ? "" : " (first: " + firstError.replace('|', '/') + ")"), "—", "—", "0",
				run.report.met(errors == 0));
		run.report.row("6", "Crowd p99 latency vs one respondent alone (" + who + ")", run.teams,
				ms(crowdP99) + " (p50 " + ms(median(crowd.all())) + ", " + fmtInt(crowd.all().size()) + " requests)",
				ms(soloP99) + " (p50 " + ms(median(solo.all())) + ", " + fmtInt(solo.all().size()) + " requests)",
				fmt(ratio, 2), "≤ " + fmt(GOAL_P99, 0), run.report.met(ratio <= GOAL_P99));
		run.report.details.add("Crowd at " + fmtInt(run.teams) + " teams: " + fmt(crowd.requests() / seconds, 0)
				+ " requests/s; pages p50 / p99 " + percentiles(crowd.pages) + " (alone " + percentiles(solo.pages)
				+ "), saves " + percentiles(crowd.saves) + " (alone " + percentiles(solo.saves) + "); "
				+ crowd.conflicts + " conflicts.");
		run.report.settings.add("At " + fmtInt(run.teams) + " teams: " + metrics.describe());
		if (run.options.smoke && errors > 0) {
			throw new IllegalStateException(errors + " requests failed (first: " + firstError + ")");
		}
	}

	private static String percentiles(List<Double> millis) {
		return ms(median(millis)) + " / " + ms(percentile(millis, 0.99));
	}

	/**
	 * Respondent {@code i} is member {@code i / teams + 1} of team {@code i % teams + 1}: one respondent per team as
	 * long as there are enough teams. Signing in is BCrypt's work: four at a time.
	 */
	private List<Respondent> signIn(int size) throws Exception {
		List<String> teams = new ArrayList<>();
		for (int i = 0; i < Math.min(size, run.teams); i++) {
			teams.add(Dataset.team(i + 1));
		}
		Map<String, long[]> state = run.data.answerState(teams);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Respondent>> futures = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				int team = i % run.teams + 1;
				int member = i / run.teams + 1;
				long seed = run.options.seed * 1000 + i;
				futures.add(pool.submit(() -> {
					Session session = run.app.session(Dataset.member(team, member));
					session.csrf();
					return new Respondent(session, Dataset.team(team), state.get(Dataset.team(team)), seed);
				}));
			}
			List<Respondent> respondents = new ArrayList<>();
			for (Future<Respondent> future : futures) {
				respondents.add(future.get());
			}
			return respondents;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Tally together(List<Respondent> respondents, int seconds) throws Exception {
		Options options = run.options;
		ExecutorService pool = Executors.newFixedThreadPool(respondents.size());
		try {
			List<Future<Tally>> futures = new ArrayList<>();
			for (Respondent respondent : respondents) {
				futures.add(pool.submit(
						() -> respondent.answer(seconds, options.thinkMinMs, options.thinkMaxMs, true)));
			}
			Tally all = new Tally();
			for (Future<Tally> future : futures) {
				all.add(future.get(seconds + 120L, TimeUnit.SECONDS));
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The connection pool's and Tomcat's settings and use, from {@code /actuator/prometheus} as the administrator:
	 * once before, then every second during the crowd for the highest values.
	 */
	static final class Metrics {

		private static final Pattern LINE = Pattern.compile("^(\\w+)(\\{[^}]*\\})?\\s+([-+\\d.eE]+|NaN)\\s*$");

		private final Session admin;

		private final Map<String, Double> settings = new LinkedHashMap<>();

		private final Map<String, Double> peaks = Collections.synchronizedMap(new LinkedHashMap<>());

		private Map<String, Double> atStart = Map.of();

		private Map<String, Double> atEnd = Map.of();

		private String unreadable;

		private Thread sampler;

		private volatile boolean sampling;

		Metrics(Session admin) {
			this.admin = admin;
		}

		void read() {
			Map<String, Double> values = scrape();
			if (values != null) {
				settings.putAll(values);
			}
		}

		private Map<String, Double> scrape() {
			try {
				Response response = admin.get("/actuator/prometheus", Duration.ofSeconds(10));
				if (response.status() != 200) {
					unreadable = "HTTP " + response.status();
					return null;
				}
				Map<String, Double> values = new LinkedHashMap<>();
				for (String line : response.text().lines().toList()) {
					Matcher m = LINE.matcher(line);
					String name = m.matches() ? m.group(1) : "";
					if (name.startsWith("hikaricp_") || name.startsWith("tomcat_threads_")) {
						values.merge(name, Double.parseDouble(m.group(3)), Double::sum);
					}
				}
				return values;
			}
			catch (Exception failed) {
				unreadable = failed.toString();
				return null;
			}
		}

		void startSampling() {
			atStart = Objects.requireNonNullElse(scrape(), Map.of());
			sampling = true;
			sampler = new Thread(() -> {
				while (sampling) {
					Map<String, Double> values = scrape();
					if (values != null) {
						values.forEach((name, value) -> peaks.merge(name, value, Math::max));
					}
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException stopped) {
						return;
					}
				}
			}, "crowd-metrics");
			sampler.setDaemon(true);
			sampler.start();
		}

		void stopSampling() throws InterruptedException {
			sampling = false;
			if (sampler != null) {
				sampler.interrupt();
				sampler.join(5000);
			}
			atEnd = Objects.requireNonNullElse(scrape(), Map.of());
		}

		/** The mean time a request waited for a connection during the crowd, from the timer's sum and count. */
		private String meanAcquire() {
			String sum = "hikaricp_connections_acquire_seconds_sum";
			String count = "hikaricp_connections_acquire_seconds_count";
			if (!atStart.containsKey(sum) || !atEnd.containsKey(sum) || !atEnd.containsKey(count)) {
				return "—";
			}
			double acquired = atEnd.get(count) - atStart.getOrDefault(count, 0.0);
			return acquired > 0 ? ms(1000 * (atEnd.get(sum) - atStart.get(sum)) / acquired) : "—";
		}

		String describe() {
			if (settings.isEmpty()) {
				return "the pool and thread settings were not readable from /actuator/prometheus (" + unreadable + ")";
			}
			return "connection pool (HikariCP) " + value(settings, "hikaricp_connections_max")
					+ " connections at most, " + value(settings, "hikaricp_connections_min") + " kept idle; Tomcat "
					+ value(settings, "tomcat_threads_config_max_threads") + " request threads at most. During the "
					+ "crowd (sampled every second), at most " + value(peaks, "hikaricp_connections_active")
					+ " connections in use and " + value(peaks, "hikaricp_connections_pending")
					+ " requests waiting for one; a connection was handed out after " + meanAcquire()
					+ " on average, " + value(peaks, "hikaricp_connections_timeout_total") + " timeouts; at most "
					+ value(peaks, "tomcat_threads_busy_threads") + " request threads busy, "
					+ value(peaks, "tomcat_threads_current_threads") + " started";
		}

		private static String value(Map<String, Double> values, String name) {
			Double value = values.get(name);
			return value == null ? "— (not in the metrics)" : fmt(value, 0);
		}

	}

}
