package bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static bench.Format.fmt;
import static bench.Format.log;

/**
 * The packaged application, started with {@code java -jar} on a benchmark database (the datasource configured, so it
 * never starts a database of its own), the administrator's password, no demo data and a free port; with the JVM
 * options and application properties given.
 */
final class App {

	private final Bench bench;

	private final Process process;

	final int port;

	final Path log;

	final String name;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	double settledSeconds;

	private App(Bench bench, Process process, int port, Path log, String name) {
		this.bench = bench;
		this.process = process;
		this.port = port;
		this.log = log;
		this.name = name;
	}

	static App start(Bench bench, Database db, List<String> jvmArgs, String name) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dir = bench.work.resolve(name);
		Files.createDirectories(dir);
		Path log = bench.work.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Processes.javaTool("java"));
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", bench.jar().toString()));
		bench.options.appProperties.forEach(property -> command.add("--" + property));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("SPRING_DATASOURCE_URL", db.url(bench.cluster.port()));
		env.put("SPRING_DATASOURCE_USERNAME", db.role());
		env.put("SPRING_DATASOURCE_PASSWORD", db.password());
		env.put("APP_ADMIN_PASSWORD", bench.adminPassword);
		env.put("APP_DEMO_ENABLED", "false");
		env.put("SERVER_PORT", String.valueOf(port));
		long started = System.nanoTime();
		Process process = bench.processes.start(builder);
		App app = new App(bench, process, port, log, name + (jvmArgs.isEmpty() ? "" : " " + String.join(" ", jvmArgs)));
		log("Started the application " + app.name + " (pid " + process.pid() + ", port " + port + ")");
		try {
			app.awaitReady(started);
			return app;
		}
		catch (Exception notReady) {
			app.stop();
			throw notReady;
		}
	}

	private void awaitReady(long started) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (System.nanoTime() < deadline) {
			if (!alive()) {
				throw new IllegalStateException("The application exited during start-up; see " + bench.relative(log)
						+ ":\n" + tail(15));
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					log("  ready after " + fmt((System.nanoTime() - started) / 1e9, 1) + " s");
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application was not ready after 300 s; see " + bench.relative(log));
	}

	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "";
		}
	}

	HttpClient client() {
		return client;
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process.isAlive();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	Session session(String username) throws Exception {
		return Session.signIn(this, username, bench.adminPassword);
	}

	/**
	 * Waits until the JIT compiler threads are quiet (under 5 % of a core for 2 s, at most 90 s). After a warm-up
	 * they go on compiling for a while; measuring then would count that compilation against the request, and
	 * against the baseline that shares the cores. Smoke runs do not wait.
	 */
	void settle() throws Exception {
		if (bench.options.smoke) {
			return;
		}
		long started = System.nanoTime();
		while (System.nanoTime() - started < 90e9) {
			double before = Cpu.threadSeconds(pid(), "Compiler");
			Thread.sleep(2000);
			if ((Cpu.threadSeconds(pid(), "Compiler") - before) / 2 < 0.05) {
				break;
			}
		}
		settledSeconds += (System.nanoTime() - started) / 1e9;
	}

	void stop() {
		if (process.isAlive()) {
			log("Stopping " + name + " (pid " + process.pid() + ")");
		}
		bench.processes.stop(process, 40);
	}

}
