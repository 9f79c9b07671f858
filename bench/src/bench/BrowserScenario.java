package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.median;
import static bench.Format.ms;

/**
 * Scenario 7: this application beside the CNCF assessment prototype in headless Chromium, in alternating rounds.
 * Each round and each of the two: a cold load (HTTP cache emptied) until the first question is ready; a full run that
 * opens the first page, answers all 20 questions by clicking, moves on by the page's own controls and ends when the
 * scores show; and, within it, opening the results (from the click to the scores shown). Also whether this
 * application's static files may be cached, from their headers and from a warm page load in the browser. Without a
 * copy of the prototype (or npm for its js-yaml), this application's side is measured alone and the report says why.
 */
final class BrowserScenario {

	static final double GOAL_COLD = 0.6;

	static final double GOAL_FULL = 1.3;

	/** A year, in seconds: static files should be cacheable that long, behind content-hashed URLs. */
	static final long YEAR = 31_536_000;

	private static final Pattern CDN_SCRIPT = Pattern.compile("src=\"(https?://[^\"]*?/js-yaml@([\\w.-]+)/([^\"]+))\"");

	private static final Pattern STATIC_FILE = Pattern.compile(
			"<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"(/[^\"]+)\"");

	private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

	private static final Pattern HASHED = Pattern.compile("[-.][0-9a-fA-F]{8,}\\.\\w+$|[?&]v=[0-9a-zA-Z]{8,}");

	private final TeamRun run;

	BrowserScenario(TeamRun run) {
		this.run = run;
	}

	/** The figures of one journey through one application. */
	record Timing(double coldMs, double fullMs, double resultsMs, int answered, String cache) {
	}

	void run() throws Exception {
		Report report = run.report;
		String cacheable = staticFiles();
		Optional<Chromium.Binaries> binaries = Chromium.find();
		if (binaries.isEmpty()) {
			report.notMeasured.add("7 Browser at " + fmtInt(run.teams) + " teams: Chromium or ChromeDriver not found ("
					+ Chromium.lookedFor() + "); bench/run installs them with apt-get");
			return;
		}
		run.bench.versions.putIfAbsent("Chromium", Chromium.version(binaries.get()));
		String prototypeMissing = null;
		PrototypeServer server = null;
		Chromium ours = null;
		Chromium theirs = null;
		ExecutorService starter = Executors.newSingleThreadExecutor();
		try {
			Prototype prototype = Prototype.locate(run.bench);
			prototypeMissing = prototype.missing();
			if (prototypeMissing == null) {
				server = run.bench.closeAtEnd(new PrototypeServer(prototype.directory(), prototype.cdnUrl(),
						prototype.jsYaml()));
				run.bench.versions.putIfAbsent("Prototype", prototype.describe(run.bench));
			}
			String team = Dataset.team(run.teams);
			String assessment = "/teams/" + team + "/assessments/" + run.data.openQuarter;
			Journey ourJourney = Journey.ours(run.app.uri("").toString(), assessment);
			Journey theirJourney = server == null ? null : Journey.prototype(server.baseUrl());
			// The prototype's browser starts while this application's signs in.
			Future<Chromium> starting = theirJourney == null ? null : starter.submit(() -> run.bench
				.closeAtEnd(new Chromium(binaries.get(), theirJourney.questionCss(), theirJourney.scoresCss())));
			ours = run.bench.closeAtEnd(new Chromium(binaries.get(), ourJourney.questionCss(), ourJourney.scoresCss()));
			signIn(ours, Dataset.member(run.teams, 1));
			theirs = starting == null ? null : starting.get();
			int warmup = run.options.browserWarmupRounds();
			int rounds = run.options.rounds;
			log("Browser: " + warmup + " rounds of warm-up, then " + rounds + (theirs == null
					? " rounds of this application alone (" + prototypeMissing + ")"
					: " alternating rounds beside the prototype"));
			List<Timing> ourTimings = new ArrayList<>();
			List<Timing> theirTimings = new ArrayList<>();
			for (int round = 0; round < warmup + rounds; round++) {
				boolean measured = round >= warmup;
				boolean oursFirst = round % 2 == 0;
				if (oursFirst || theirs == null) {
					keep(measured, ourTimings, journey(ours, ourJourney));
				}
				if (theirs != null) {
					keep(measured, theirTimings, journey(theirs, theirJourney));
				}
				if (!oursFirst && theirs != null) {
					keep(measured, ourTimings, journey(ours, ourJourney));
				}
			}
			rows(ourTimings, theirTimings, prototypeMissing, cacheable);
		}
		finally {
			// A browser that started after a failure here is closed with the run's other resources.
			starter.shutdown();
			for (AutoCloseable open : new AutoCloseable[] { theirs, ours, server }) {
				if (open != null) {
					run.bench.close(open);
				}
			}
		}
	}

	private static void keep(boolean measured, List<Timing> timings, Timing timing) {
		if (measured) {
			timings.add(timing);
		}
	}

	private void signIn(Chromium browser, String username) {
		browser.open(run.app.uri("/login").toString());
		browser.element("return document.getElementById('username')").sendKeys(username);
		browser.element("return document.getElementById('password')").sendKeys(run.bench.adminPassword);
		browser.element("return document.querySelector('main form button[type=submit]')").click();
		browser.until("signed in", () -> browser.currentUrl().contains("/login") ? null : true);
	}

	/** One round of one application: a cold load, then the full run that ends with the results. */
	private Timing journey(Chromium browser, Journey journey) {
		browser.emptyCache();
		browser.open(journey.startUrl());
		double cold = browser.questionReady();
		double start = browser.open(journey.startUrl());
		browser.questionReady();
		String cache = cacheUse(browser);
		int answered = 0;
		String first = null;
		while (true) {
			List<Chromium.Question> questions = browser.questions();
			first = questions.get(0).name();
			for (Chromium.Question question : questions) {
				if (question.option() == null) {
					throw new IllegalStateException(journey.name() + ": no option of level 2 or 3 for "
							+ question.name());
				}
				browser.answer(question);
				answered++;
			}
			if (!journey.next(browser)) {
				break;
			}
			browser.nextQuestions(first);
		}
		journey.results(browser);
		double[] shown = browser.scoresShown();
		if (answered != run.data.questions.size()) {
			throw new IllegalStateException(journey.name() + ": " + answered + " questions answered, not "
					+ run.data.questions.size());
		}
		return new Timing(cold, shown[0] - start, shown[0] - shown[1], answered, cache);
	}

	/** How many of the page's scripts and stylesheets came from the browser's cache on this (warm) load. */
	private static String cacheUse(Chromium browser) {
		@SuppressWarnings("unchecked")
		List<Number> counts = (List<Number>) browser.script("""
				const files = performance.getEntriesByType('resource').filter(e =>
				  e.initiatorType === 'script' || e.initiatorType === 'link' || /\\.(css|js)(\\?|$)/.test(e.name));
				return [files.filter(e => e.transferSize === 0 && e.decodedBodySize > 0).length, files.length];""");
		return counts.get(0) + " of " + counts.get(1);
	}

	/**
	 * The Cache-Control of this application's scripts and stylesheets on the answering page, and whether their URLs
	 * carry a content hash.
	 */
	private String staticFiles() throws Exception {
		Session member = run.app.session(Dataset.member(run.teams, 1));
		String answering = "/teams/" + Dataset.team(run.teams) + "/assessments/" + run.data.openQuarter + "/answer";
		Matcher m = STATIC_FILE.matcher(member.get(answering).expect(200, "text/html").text());
		List<String> files = new ArrayList<>();
		boolean all = true;
		while (m.find()) {
			String path = m.group(1).replace("&amp;", "&");
			String cacheControl = Optional.ofNullable(member.get(path).expect(200, null).header("Cache-Control"))
				.orElse("no Cache-Control");
			Matcher maxAge = MAX_AGE.matcher(cacheControl);
			long seconds = maxAge.find() ? Long.parseLong(maxAge.group(1)) : 0;
			boolean cached = !cacheControl.contains("no-store") && !cacheControl.contains("no-cache");
			boolean hashed = HASHED.matcher(path).find();
			all &= cached && seconds >= YEAR && hashed;
			files.add("`" + path + "` " + (cached ? cacheControl : "no-store")
					+ (hashed ? "" : ", not content-hashed"));
		}
		if (files.isEmpty()) {
			throw new IllegalStateException("the answering page links no stylesheet or script");
		}
		run.report.row("7", "Static files cacheable: Cache-Control of the answering page's scripts and stylesheets",
				run.teams, String.join("; ", files), "—", "—", "a year, content-hashed URLs", run.report.met(all));
		return all ? "yes" : "no";
	}

	private void rows(List<Timing> ours, List<Timing> theirs, String prototypeMissing, String cacheable) {
		Report report = run.report;
		int n = ours.size();
		String what = " (median of " + n + (theirs.isEmpty() ? " rounds)" : " alternating rounds)");
		String notMeasured = "not measured (see below)";
		measure("Cold load to the first question ready, HTTP cache emptied" + what, ours, theirs, Timing::coldMs,
				notMeasured, GOAL_COLD);
		measure("Full run: " + ours.get(0).answered() + " questions answered by clicking until the scores show"
				+ what, ours, theirs, Timing::fullMs, notMeasured, GOAL_FULL);
		measure("Opening the results: from the click to the scores shown" + what, ours, theirs, Timing::resultsMs,
				notMeasured, Double.NaN);
		report.details.add("Browser at " + fmtInt(run.teams) + " teams: scripts and stylesheets from the browser cache "
				+ "on a warm load of the first page: this application " + ours.get(ours.size() - 1).cache()
				+ (theirs.isEmpty() ? "" : ", the prototype " + theirs.get(theirs.size() - 1).cache())
				+ "; static files cacheable for a year behind content-hashed URLs: " + cacheable + ". Per round, this "
				+ "application: cold " + range(ours, Timing::coldMs) + ", full run " + range(ours, Timing::fullMs)
				+ ", results " + range(ours, Timing::resultsMs) + (theirs.isEmpty() ? "" : "; the prototype: cold "
						+ range(theirs, Timing::coldMs) + ", full run " + range(theirs, Timing::fullMs) + ", results "
						+ range(theirs, Timing::resultsMs)) + ".");
		if (theirs.isEmpty()) {
			report.notMeasured.add("7 Browser comparison at " + fmtInt(run.teams) + " teams: " + prototypeMissing
					+ "; this application's figures are in the table without their baseline");
		}
	}

	private void measure(String title, List<Timing> ours, List<Timing> theirs,
			java.util.function.ToDoubleFunction<Timing> figure, String notMeasured, double goal) {
		double mine = median(ours.stream().map(figure::applyAsDouble).toList());
		String goalText = Double.isNaN(goal) ? "—" : "≤ " + fmt(goal, 1);
		if (theirs.isEmpty()) {
			run.report.row("7", title, run.teams, Format.seconds(mine), notMeasured, "—", goalText, "—");
			return;
		}
		double prototype = median(theirs.stream().map(figure::applyAsDouble).toList());
		double ratio = mine / prototype;
		run.report.row("7", title, run.teams, Format.seconds(mine), Format.seconds(prototype) + " (the prototype)",
				fmt(ratio, 2), goalText, Double.isNaN(goal) ? "—" : run.report.met(ratio <= goal));
	}

	private static String range(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> figure) {
		double min = timings.stream().mapToDouble(figure).min().orElse(Double.NaN);
		double max = timings.stream().mapToDouble(figure).max().orElse(Double.NaN);
		return ms(min) + "–" + ms(max);
	}

	/**
	 * A copy of the prototype (its public repository, never part of this one): {@code --prototype DIR}, else
	 * bench/work/pemm-assessment; and its js-yaml, the version its page names, from the npm registry into
	 * bench/work/npm.
	 */
	record Prototype(Path directory, String cdnUrl, Path jsYaml, String jsYamlVersion, String missing) {

		static Prototype locate(Bench bench) throws Exception {
			Path directory = bench.options.prototype != null ? bench.options.prototype
					: bench.root.resolve("bench/work/pemm-assessment");
			Path index = directory.resolve("index.html");
			if (!Files.isRegularFile(index) || !Files.isRegularFile(directory.resolve("assets/app.js"))) {
				return missing(directory, bench.options.prototype == null
						? "no copy of the prototype (pass --prototype DIR, or put its files in "
								+ "bench/work/pemm-assessment; its repository is on GitHub, which CI cannot reach)"
						: "--prototype " + bench.options.prototype + " holds no index.html and assets/app.js");
			}
			Matcher cdn = CDN_SCRIPT.matcher(Files.readString(index));
			if (!cdn.find()) {
				return new Prototype(directory, null, null, null, null);
			}
			if (!Processes.which("npm")) {
				return missing(directory, "npm not found (the prototype's js-yaml comes from the npm registry)");
			}
			String version = cdn.group(2);
			Path npm = bench.root.resolve("bench/work/npm");
			Path jsYaml = npm.resolve("js-yaml-" + version).resolve("package").resolve(cdn.group(3));
			if (!Files.isRegularFile(jsYaml)) {
				Files.createDirectories(jsYaml.getParent().getParent());
				try {
					String packed = bench.processes.exec(List.of("npm", "pack", "--silent", "js-yaml@" + version,
							"--pack-destination", npm.toString()), null, 180).strip();
					String tarball = packed.lines().reduce((a, b) -> b).orElse("");
					bench.processes.exec(List.of("tar", "-xzf", npm.resolve(tarball).toString(), "-C",
							npm.resolve("js-yaml-" + version).toString()), null, 60);
				}
				catch (Exception failed) {
					return missing(directory, "js-yaml@" + version + " could not be fetched with npm: "
							+ Format.firstLine(String.valueOf(failed.getMessage())));
				}
				if (!Files.isRegularFile(jsYaml)) {
					return missing(directory, "the npm package js-yaml@" + version + " has no " + cdn.group(3));
				}
			}
			return new Prototype(directory, cdn.group(1), jsYaml, version, null);
		}

		private static Prototype missing(Path directory, String why) {
			return new Prototype(directory, null, null, null, why);
		}

		/** Where the copy is and which files it holds: its commit when it is a clone, else a hash of its files. */
		String describe(Bench bench) throws Exception {
			String identity;
			if (Files.exists(directory.resolve(".git"))) {
				identity = "commit " + Processes.quiet(List.of("git", "-C", directory.toString(), "log", "-1",
						"--format=%h %cs")).strip();
			}
			else {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				for (String file : List.of("index.html", "assets/app.js", "assets/style.css")) {
					Path path = directory.resolve(file);
					if (Files.isRegularFile(path)) {
						digest.update(Files.readAllBytes(path));
					}
				}
				identity = "index.html, app.js and style.css with SHA-256 "
						+ HexFormat.of().formatHex(digest.digest()).substring(0, 12);
			}
			return "pemm-assessment (" + identity + "), served from " + bench.relative(directory)
					+ " by the driver like its nginx.conf" + (jsYaml == null ? "" : "; js-yaml " + jsYamlVersion
							+ " from the npm registry instead of the CDN its page names");
		}

	}

}
