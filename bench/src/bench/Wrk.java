package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.fmt;
import static bench.Format.log;
import static bench.Format.ms;

/**
 * One run of wrk and what it printed: its own figures, and the lines of bench/pages.lua ({@code PAGES …}) or
 * bench/autosave.lua ({@code AUTOSAVE …}).
 */
final class Wrk {

	double rps;

	long requests;

	double seconds;

	long non2xx;

	long socketErrors;

	double p50Ms = Double.NaN;

	long pagesNon200 = -1;

	String pagesFirst = "";

	long autosaveOk = -1;

	long autosaveErrors;

	long autosaveConflicts;

	String autosaveFirstError = "";

	String output;

	/** The request line to load: a path, the headers, threads and connections, the seconds, a script with arguments. */
	record Load(String path, List<String> headers, int threads, int connections, int seconds, Path script,
			List<String> args) {
	}

	static Wrk run(Processes processes, App app, Load load) throws Exception {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + load.threads(), "-c" + load.connections(),
				"-d" + load.seconds() + "s", "--latency", "--timeout", "10s"));
		for (String header : load.headers()) {
			command.add("-H");
			command.add(header);
		}
		if (load.script() != null) {
			command.add("-s");
			command.add(load.script().toString());
		}
		command.add("http://127.0.0.1:" + app.port + load.path());
		if (!load.args().isEmpty()) {
			command.add("--");
			command.addAll(load.args());
		}
		Wrk wrk = parse(processes.exec(command, null, load.seconds() + 60));
		String saves = wrk.autosaveOk < 0 ? ""
				: ", " + wrk.autosaveOk + " saved, " + wrk.autosaveErrors + " errors, " + wrk.autosaveConflicts
						+ " conflicts";
		log("  wrk " + load.path().replaceAll("\\?.*", "") + " " + load.seconds() + " s: " + fmt(wrk.rps, 1)
				+ " req/s, p50 " + ms(wrk.p50Ms) + saves
				+ (wrk.pagesNon200 > 0 ? ", " + wrk.pagesNon200 + " not 200" : ""));
		return wrk;
	}

	static Wrk parse(String out) {
		Wrk wrk = new Wrk();
		wrk.output = out;
		Matcher m = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("wrk printed no Requests/sec: " + out);
		}
		wrk.rps = Double.parseDouble(m.group(1));
		m = Pattern.compile("(\\d+) requests in ([\\d.]+)(\\w+)").matcher(out);
		if (m.find()) {
			wrk.requests = Long.parseLong(m.group(1));
			double value = Double.parseDouble(m.group(2));
			wrk.seconds = switch (m.group(3)) {
				case "ms" -> value / 1000;
				case "m" -> value * 60;
				case "us" -> value / 1e6;
				default -> value;
			};
		}
		m = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
		if (m.find()) {
			wrk.non2xx = Long.parseLong(m.group(1));
		}
		m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
		if (m.find()) {
			for (int i = 1; i <= 4; i++) {
				wrk.socketErrors += Long.parseLong(m.group(i));
			}
		}
		m = Pattern.compile("(?m)^\\s+50%\\s+([\\d.]+)(us|ms|s)").matcher(out);
		if (m.find()) {
			double value = Double.parseDouble(m.group(1));
			wrk.p50Ms = switch (m.group(2)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
		}
		m = Pattern.compile("PAGES non200=(\\d+) first=(\\d+)").matcher(out);
		if (m.find()) {
			wrk.pagesNon200 = Long.parseLong(m.group(1));
			wrk.pagesFirst = m.group(2);
		}
		m = Pattern.compile("AUTOSAVE ok=(\\d+) errors=(\\d+) conflicts=(\\d+) seconds=([\\d.]+) first_error=(\\S+)")
			.matcher(out);
		if (m.find()) {
			wrk.autosaveOk = Long.parseLong(m.group(1));
			wrk.autosaveErrors = Long.parseLong(m.group(2));
			wrk.autosaveConflicts = Long.parseLong(m.group(3));
			wrk.seconds = Double.parseDouble(m.group(4));
			wrk.autosaveFirstError = m.group(5);
		}
		return wrk;
	}

	/** Requests per second over several runs: all requests ÷ all seconds. */
	static double rate(List<Wrk> runs) {
		double requests = runs.stream().mapToDouble(w -> w.rps * w.seconds).sum();
		return requests / runs.stream().mapToDouble(w -> w.seconds).sum();
	}

	void requireClean(String what) {
		if (pagesNon200 > 0 || non2xx > 0) {
			throw new IllegalStateException(what + ": " + Math.max(pagesNon200, non2xx)
					+ " responses were not 200 (first: " + pagesFirst + ")");
		}
		if (requests == 0) {
			throw new IllegalStateException(what + ": wrk made no request");
		}
		if (socketErrors > requests / 100) {
			throw new IllegalStateException(what + ": " + socketErrors + " socket errors");
		}
	}

	void requireAutosave() {
		if (autosaveOk < 0) {
			throw new IllegalStateException("autosave.lua printed no result: " + output);
		}
		if (autosaveErrors > 0 || autosaveOk == 0) {
			throw new IllegalStateException("autosave: " + autosaveErrors + " errors (first: HTTP " + autosaveFirstError
					+ "), " + autosaveOk + " saved");
		}
	}

}
