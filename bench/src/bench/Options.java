package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of bench/run; see bench/README.md. */
final class Options {

	static final List<String> SCENARIOS = List.of("pages", "dashboard", "autosave", "reports", "crowd", "browser");

	/**
	 * Application properties the driver always passes: Tomcat's MBean registry, so that the thread pool appears in
	 * the metrics the crowd scenario reads. It changes no behaviour; README's Sizing section explains the others.
	 */
	static final List<String> DEFAULT_PROPERTIES = List.of("server.tomcat.mbeanregistry.enabled=true");

	List<Integer> teams = List.of(200, 2000);

	int quarters = 8;

	long seed = 42;

	int duration = 20;

	int threads = 2;

	int connections = 4;

	boolean smoke;

	boolean profile;

	String boundedHeap = "256m";

	String output = "docs/benchmarks.md";

	/** The team count of the dashboard-only scale step after the others; 0 for none. */
	int scale = 20000;

	int crowd = 200;

	int crowdSeconds = 60;

	int thinkMinMs = 1000;

	int thinkMaxMs = 3000;

	int rounds = 15;

	Path prototype;

	List<String> appProperties = new ArrayList<>(DEFAULT_PROPERTIES);

	Set<String> scenarios = new LinkedHashSet<>(SCENARIOS);

	List<String> given = new ArrayList<>();

	private int warmupGiven = -1;

	/**
	 * Seconds of load before a load step is measured (per page for the pages). The JIT of this application on 2
	 * cores needs minutes, not seconds, to reach steady throughput; see bench/README.md.
	 */
	int warmup() {
		return warmupGiven >= 0 ? warmupGiven : smoke ? 0 : 60;
	}

	/** Smoke runs only check that every scenario runs: a JVM that starts faster. */
	List<String> jvmArgs() {
		return smoke ? List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC") : List.of();
	}

	int dashboardRequests() {
		return smoke ? 5 : 40;
	}

	int dashboardWarmup() {
		return smoke ? 2 : 30;
	}

	int reportRequests() {
		return smoke ? 3 : 15;
	}

	int reportWarmup() {
		return smoke ? 1 : 30;
	}

	/** Rounds of the page scenario: the two pages alternate, so that a drift of the machine hits both. */
	int pageRounds() {
		return smoke ? 1 : 2;
	}

	/** Seconds of the one respondent alone before the crowd. */
	int soloSeconds() {
		return smoke ? 1 : crowdSeconds;
	}

	/** Unmeasured rounds of the browser scenario before the measured ones. */
	int browserWarmupRounds() {
		return smoke ? 0 : 2;
	}

	boolean runs(String scenario) {
		return scenarios.contains(scenario);
	}

	static Options parse(String[] args) {
		Options options = new Options();
		options.given = List.of(args);
		Set<String> given = new LinkedHashSet<>();
		Map<String, String> properties = new LinkedHashMap<>();
		List<String> flags = List.of("--smoke", "--profile");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
			if (value == null && !flags.contains(name)) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value\n" + usage());
				}
				value = args[++i];
			}
			given.add(name);
			switch (name) {
				case "--teams" -> options.teams = Arrays.stream(value.split(","))
					.map(String::strip)
					.map(Integer::parseInt)
					.toList();
				case "--quarters" -> options.quarters = Integer.parseInt(value);
				case "--seed" -> options.seed = Long.parseLong(value);
				case "--duration" -> options.duration = Integer.parseInt(value);
				case "--warmup" -> options.warmupGiven = Integer.parseInt(value);
				case "--threads" -> options.threads = Integer.parseInt(value);
				case "--connections" -> options.connections = Integer.parseInt(value);
				case "--bounded-heap" -> options.boundedHeap = value;
				case "--output" -> options.output = value;
				case "--scale" -> options.scale = Integer.parseInt(value);
				case "--crowd" -> options.crowd = Integer.parseInt(value);
				case "--crowd-duration" -> options.crowdSeconds = Integer.parseInt(value);
				case "--think" -> {
					String[] range = value.split("-");
					options.thinkMinMs = Integer.parseInt(range[0].strip());
					options.thinkMaxMs = Integer.parseInt(range[range.length - 1].strip());
				}
				case "--rounds" -> options.rounds = Integer.parseInt(value);
				case "--prototype" -> options.prototype = Path.of(value);
				case "--app-property" -> {
					if (!value.contains("=")) {
						throw new IllegalArgumentException("--app-property takes name=value");
					}
					properties.put(value.substring(0, value.indexOf('=')).strip(), value);
				}
				case "--scenarios" -> options.scenarios = new LinkedHashSet<>(Arrays.stream(value.split(","))
					.map(String::strip).toList());
				case "--smoke" -> options.smoke = true;
				case "--profile" -> options.profile = true;
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
			}
		}
		if (options.smoke) {
			if (!given.contains("--teams")) {
				options.teams = List.of(20);
			}
			if (!given.contains("--quarters")) {
				options.quarters = 2;
			}
			if (!given.contains("--duration")) {
				options.duration = 1;
			}
			if (!given.contains("--scale")) {
				options.scale = 0;
			}
			if (!given.contains("--crowd")) {
				options.crowd = 20;
			}
			if (!given.contains("--crowd-duration")) {
				options.crowdSeconds = 3;
			}
			if (!given.contains("--think")) {
				options.thinkMinMs = 200;
				options.thinkMaxMs = 600;
			}
			if (!given.contains("--rounds")) {
				options.rounds = 1;
			}
		}
		options.appProperties = mergeProperties(properties);
		options.check();
		return options;
	}

	/** The default properties, each replaced by a given one of the same name, then the other given ones. */
	private static List<String> mergeProperties(Map<String, String> given) {
		Map<String, String> merged = new LinkedHashMap<>();
		DEFAULT_PROPERTIES.forEach(p -> merged.put(p.substring(0, p.indexOf('=')), p));
		merged.putAll(given);
		return new ArrayList<>(merged.values());
	}

	private void check() {
		if (teams.isEmpty() || teams.stream().anyMatch(n -> n < 2 || n > 99999)) {
			throw new IllegalArgumentException("--teams takes team counts between 2 and 99999");
		}
		if (scale != 0 && (scale < 2 || scale > 99999)) {
			throw new IllegalArgumentException("--scale takes a team count between 2 and 99999, or 0 for none");
		}
		if (quarters < 2 || quarters > 40) {
			throw new IllegalArgumentException("--quarters takes 2 to 40");
		}
		if (threads < 1 || connections < threads || duration < 1) {
			throw new IllegalArgumentException("--threads ≥ 1, --connections ≥ --threads, --duration ≥ 1");
		}
		int smallest = teams.stream().mapToInt(Integer::intValue).min().orElseThrow();
		if (runs("autosave") && threads > smallest) {
			throw new IllegalArgumentException(
					"--threads must not exceed the smallest team count (one team per autosave thread)");
		}
		if (runs("crowd") && (crowd < 1 || crowd > 3 * smallest || crowdSeconds < 1)) {
			throw new IllegalArgumentException("--crowd takes 1 to three times the smallest team count (three "
					+ "members per team), --crowd-duration ≥ 1");
		}
		if (thinkMinMs < 0 || thinkMaxMs < thinkMinMs) {
			throw new IllegalArgumentException("--think takes MIN-MAX milliseconds, for example 1000-3000");
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds ≥ 1");
		}
		for (String scenario : scenarios) {
			if (!SCENARIOS.contains(scenario)) {
				throw new IllegalArgumentException("--scenarios takes some of " + String.join(",", SCENARIOS));
			}
		}
	}

	static String usage() {
		return """
				Usage: bench/run [--teams 200,2000] [--scale 20000] [--quarters 8] [--seed 42] [--duration 20]
				                 [--warmup 60] [--threads 2] [--connections 4] [--bounded-heap 256m]
				                 [--crowd 200] [--crowd-duration 60] [--think 1000-3000]
				                 [--prototype DIR] [--rounds 15] [--app-property name=value]...
				                 [--scenarios pages,dashboard,autosave,reports,crowd,browser]
				                 [--profile] [--smoke] [--output docs/benchmarks.md]
				       bench/run --hot FILE.jfr
				  --smoke        teams 20, quarters 2, 1 s per load step, no scale step, a crowd of 20 for 3 s, one
				                 browser round; report to a temporary file, goals not judged; exits non-zero when a
				                 scenario fails to run
				  --scale N      after the other team counts, the dashboard alone at N teams (0: none)
				  --prototype    a copy of the CNCF assessment prototype (pemm-assessment) for the browser comparison;
				                 default: bench/work/pemm-assessment when it exists
				  --app-property passed to the application as --name=value (repeatable)
				  --profile      also record JFR (dashboard, autosave, PDFs, pages) and write the hot methods to
				                 bench/work/
				  --hot FILE     print the hot methods of a JFR recording
				""";
	}

}
