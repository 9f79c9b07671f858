package bench;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static bench.Format.log;

/**
 * Debian's PostgreSQL: the first cluster of {@code pg_lsclusters}, started when it is down (and then stopped at the
 * end). Superuser work runs as the {@code postgres} system user; the application and pgbench connect over TCP as the
 * benchmark role.
 */
final class Cluster {

	private final Processes processes;

	private final List<Database> created = new ArrayList<>();

	private String version;

	private String name;

	private String port;

	private String dataDirectory;

	private String log;

	private boolean online;

	private boolean startedHere;

	Cluster(Processes processes) {
		this.processes = processes;
		read();
	}

	private void read() {
		String out = Processes.quiet(List.of("pg_lsclusters", "--no-header"));
		String line = out.lines().filter(l -> !l.isBlank()).findFirst()
			.orElseThrow(() -> new IllegalStateException("No PostgreSQL cluster (pg_lsclusters): install postgresql"));
		String[] f = line.strip().split("\\s+");
		version = f[0];
		name = f[1];
		port = f[2];
		online = f[3].startsWith("online");
		dataDirectory = f[5];
		log = f.length > 6 ? f[6] : "";
	}

	void ensureRunning() throws Exception {
		if (online) {
			return;
		}
		log("Starting PostgreSQL cluster " + version + "/" + name);
		processes.exec(List.of("pg_ctlcluster", version, name, "start"), null, 60);
		startedHere = true;
		read();
	}

	String port() {
		return port;
	}

	/** Drops what this run created and stops the cluster if this run started it. */
	synchronized void cleanUp() {
		read();
		if (online) {
			new ArrayList<>(created).forEach(this::drop);
		}
		if (startedHere && online) {
			log("Stopping PostgreSQL cluster " + version + "/" + name + " (this run started it)");
			try {
				processes.exec(List.of("pg_ctlcluster", version, name, "stop"), null, 120);
			}
			catch (Exception failed) {
				log("Could not stop the cluster: " + failed.getMessage());
			}
			startedHere = false;
		}
	}

	List<String> asPostgres(List<String> command) {
		List<String> full = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		else {
			full.addAll(List.of("sudo", "-n", "-u", "postgres"));
		}
		full.addAll(command);
		return full;
	}

	/** One statement as the superuser; the result unaligned, without headers. */
	String sql(String database, String sql) throws Exception {
		return processes.exec(asPostgres(List.of("psql", "-X", "-At", "-q", "-v", "ON_ERROR_STOP=1", "-p", port, "-d",
				database, "-c", sql)), null, 120);
	}

	String sqlFile(String database, Path file, Map<String, String> variables, int timeoutSeconds) throws Exception {
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-p", port, "-d",
				database));
		variables.forEach((variable, value) -> command.addAll(List.of("-v", variable + "=" + value)));
		command.addAll(List.of("-f", "-"));
		return processes.exec(asPostgres(command), file, timeoutSeconds);
	}

	/** Commands (statements or psql's backslash commands) in one session as the database's own role over TCP. */
	String sqlAsOwner(Database db, List<String> commands, int timeoutSeconds) throws Exception {
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
				"-p", port, "-U", db.role(), "-d", db.name()));
		commands.forEach(c -> command.addAll(List.of("-c", c)));
		return processes.exec(command, null, timeoutSeconds, Map.of("PGPASSWORD", db.password()));
	}

	String serverVersion() {
		return Processes.quiet(asPostgres(List.of("psql", "-X", "-At", "-p", port, "-c", "show server_version")))
			.strip();
	}

	/** A fresh database and role; every statement of the role is logged until {@link #stopStatementLog}. */
	synchronized void create(Database db) throws Exception {
		drop(db);
		created.add(db);
		sql("postgres", "create role " + db.role() + " login password '" + db.password() + "'");
		sql("postgres", "alter role " + db.role() + " set log_statement = 'all'");
		processes.exec(asPostgres(List.of("createdb", "-p", port, "-O", db.role(), db.name())), null, 60);
	}

	synchronized void drop(Database db) {
		try {
			sql("postgres", "drop database if exists " + db.name() + " with (force)");
			sql("postgres", "drop role if exists " + db.role());
			created.remove(db);
		}
		catch (Exception failed) {
			log("Could not drop " + db.name() + ": " + failed.getMessage());
		}
	}

	void stopStatementLog(Database db) throws Exception {
		sql("postgres", "alter role " + db.role() + " reset log_statement");
		// The pool's connections keep the setting they started with: end them, the pool opens new ones.
		sql("postgres", "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = '" + db.role()
				+ "' and datname = '" + db.name() + "'");
	}

	interface Action {

		void run() throws Exception;

	}

	/** What PostgreSQL logged for the database's role while the action ran. */
	StatementLog capture(Database db, Action action) throws Exception {
		Path logFile = Path.of(log);
		if (log.isEmpty() || !Files.isReadable(logFile)) {
			throw new IllegalStateException("The PostgreSQL log (pg_lsclusters) is not readable: " + log);
		}
		long before = Files.size(logFile);
		action.run();
		Thread.sleep(300);
		String text;
		try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.READ)) {
			channel.position(before);
			text = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
		}
		return StatementLog.parse(text, db.role() + "@" + db.name());
	}

	String logFile() {
		return log;
	}

	/** The cluster's CPU: the postmaster and its live children, plus the children it has reaped. */
	double cpuSeconds() {
		try {
			Path pidFile = Path.of(dataDirectory, "postmaster.pid");
			long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			double total = Cpu.seconds(postmaster, true);
			for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
				total += Cpu.seconds(child.pid());
			}
			return total;
		}
		catch (IOException | RuntimeException unknown) {
			return 0;
		}
	}

}
