package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Samples the application's heap with one jstat process ({@code jstat -gc <pid> 250}) and the CPU of the application
 * and of PostgreSQL from /proc, per phase: {@link #phase} starts a phase (several phases may take turns, such as two
 * pages measured alternately), {@link #stop} returns the usage of each phase.
 */
final class Sampler {

	private static final int SECONDS = 0, APP = 1, PG = 2, HEAP = 3, COMMITTED = 4;

	private final Bench bench;

	private final App app;

	private final Process jstat;

	private final Thread reader;

	private final Map<String, double[]> phases = new LinkedHashMap<>();

	private final CountDownLatch first = new CountDownLatch(1);

	private volatile String current;

	private long phaseStarted;

	private double appCpu;

	private double pgCpu;

	Sampler(Bench bench, App app) throws IOException, InterruptedException {
		this.bench = bench;
		this.app = app;
		this.jstat = bench.processes.start(new ProcessBuilder(Processes.javaTool("jstat"), "-gc",
				String.valueOf(app.pid()), "250").redirectErrorStream(true));
		this.reader = new Thread(this::read, "jstat-reader");
		reader.setDaemon(true);
		reader.start();
		// jstat is a JVM too: let it start before anything is measured.
		first.await(5, TimeUnit.SECONDS);
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> header = null;
			String line;
			while ((line = in.readLine()) != null) {
				String[] f = line.strip().split("\\s+");
				if (f.length > 0 && f[0].equals("S0C")) {
					header = List.of(f);
					continue;
				}
				if (header == null || f.length != header.size()) {
					continue;
				}
				try {
					double used = 0;
					double committed = 0;
					for (String column : List.of("S0U", "S1U", "EU", "OU")) {
						used += Double.parseDouble(f[header.indexOf(column)]);
					}
					for (String column : List.of("S0C", "S1C", "EC", "OC")) {
						committed += Double.parseDouble(f[header.indexOf(column)]);
					}
					first.countDown();
					String label = current;
					if (label != null) {
						synchronized (phases) {
							double[] p = phases.computeIfAbsent(label, k -> new double[5]);
							p[HEAP] = Math.max(p[HEAP], used / 1024);
							p[COMMITTED] = Math.max(p[COMMITTED], committed / 1024);
						}
					}
				}
				catch (RuntimeException notANumber) {
					// a line we do not know
				}
			}
		}
		catch (IOException ended) {
			// jstat stopped
		}
		finally {
			first.countDown();
		}
	}

	/** Ends the running phase (if any) and starts {@code label}. */
	void phase(String label) {
		phase(label, System.nanoTime());
	}

	private void phase(String label, long now) {
		double app1 = app.alive() ? Cpu.seconds(app.pid()) : appCpu;
		double pg1 = bench.cluster.cpuSeconds();
		if (current != null) {
			synchronized (phases) {
				double[] p = phases.computeIfAbsent(current, k -> new double[5]);
				p[SECONDS] += (now - phaseStarted) / 1e9;
				p[APP] += app1 - appCpu;
				p[PG] += pg1 - pgCpu;
			}
		}
		current = label;
		phaseStarted = now;
		appCpu = app1;
		pgCpu = pg1;
	}

	Map<String, Usage> stop(int teams) {
		// Backends that just ended (pgbench's, parallel workers) count once the postmaster has reaped them: their CPU
		// is read a moment later, over the same wall time.
		long now = System.nanoTime();
		sleep(250);
		phase(null, now);
		sleep(300);
		bench.processes.stop(jstat, 5);
		try {
			reader.join(2000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		Map<String, Usage> usage = new LinkedHashMap<>();
		synchronized (phases) {
			phases.forEach((label, p) -> usage.put(label, new Usage(label, teams, p[SECONDS], p[HEAP], p[COMMITTED],
					p[SECONDS] > 0 ? p[APP] / p[SECONDS] : 0, p[SECONDS] > 0 ? p[PG] / p[SECONDS] : 0)));
		}
		return usage;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
