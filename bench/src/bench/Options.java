package bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line of bench/run; see bench/README.md. */
final class Options {

	static final List<String> SCENARIOS = List.of("pages", "dashboard", "autosave", "reports");

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

	List<String> appProperties = new ArrayList<>();

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
		}
		options.appProperties = new ArrayList<>(properties.values());
		options.check();
		return options;
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
				                 [--app-property name=value]...
				                 [--scenarios pages,dashboard,autosave,reports]
				                 [--profile] [--smoke] [--output docs/benchmarks.md]
				       bench/run --hot FILE.jfr
				  --smoke        teams 20, quarters 2, 1 s per load step, no scale step; report to a temporary file,
				                 goals not judged; exits non-zero when a scenario fails to run
				  --scale N      after the other team counts, the dashboard alone at N teams (0: none)
				  --app-property passed to the application as --name=value (repeatable)
				  --profile      also record JFR (dashboard, autosave, PDFs, pages) and write the hot methods to
				                 bench/work/
				  --hot FILE     print the hot methods of a JFR recording
				""";
	}

}
