package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.log;
import static bench.Format.median;
import static bench.Format.ms;

/**
 * One pgbench run over TCP as the benchmark role, in its default simple-query mode: tps, the median transaction
 * latency from its {@code --log}, and the mean latency of each statement ({@code -r}).
 */
record Pgbench(double tps, double medianMs, List<Double> statementMs) {

	private static final Pattern STATEMENT = Pattern.compile("^\\s+([\\d.]+)\\s+(?:\\d+\\s+)?(.*)$");

	static Pgbench run(Bench bench, Database db, Path script, int clients, int seconds, String name) throws Exception {
		Path prefix = bench.work.resolve("pgbench-" + name);
		List<String> command = List.of("pgbench", "-n", "-h", "localhost", "-p", bench.cluster.port(), "-U", db.role(),
				"-c", String.valueOf(clients), "-j", String.valueOf(clients), "-T", String.valueOf(seconds), "-r",
				"--log", "--log-prefix=" + prefix, "-f", script.toString(), db.name());
		log("  " + String.join(" ", command.stream().map(bench::relative).toList()));
		String out = bench.processes.exec(command, null, seconds + 600, Map.of("PGPASSWORD", db.password()));
		Files.writeString(bench.work.resolve(name + ".pgbench.out"), out);
		Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(out);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench printed no tps: " + out);
		}
		Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
		if (failed.find() && Long.parseLong(failed.group(1)) > 0) {
			throw new IllegalStateException("pgbench: " + failed.group(1) + " failed transactions");
		}
		List<Double> latencies = new ArrayList<>();
		try (var files = Files.list(bench.work)) {
			Pattern logName = Pattern.compile(Pattern.quote(prefix.getFileName().toString()) + "\\.\\d+(\\.\\d+)?");
			for (Path file : files.filter(f -> logName.matcher(f.getFileName().toString()).matches()).toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] f = line.strip().split("\\s+");
					if (f.length >= 3) {
						latencies.add(Long.parseLong(f[2]) / 1000.0);
					}
				}
			}
		}
		if (latencies.isEmpty()) {
			throw new IllegalStateException("pgbench wrote no transaction log");
		}
		List<Double> statements = new ArrayList<>();
		boolean in = false;
		for (String line : out.lines().toList()) {
			if (line.startsWith("statement latencies")) {
				in = true;
				continue;
			}
			Matcher m = STATEMENT.matcher(line);
			if (in && m.matches() && !m.group(2).strip().startsWith("\\")) {
				statements.add(Double.parseDouble(m.group(1)));
			}
		}
		double tpsValue = Double.parseDouble(tps.group(1));
		log("  pgbench: " + Format.tps(tpsValue) + ", median " + ms(median(latencies)));
		return new Pgbench(tpsValue, median(latencies), statements);
	}

}
