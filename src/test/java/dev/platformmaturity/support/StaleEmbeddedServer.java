package dev.platformmaturity.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the JVM that owned the embedded PostgreSQL was killed, the server keeps running
 * and holds {@code postmaster.pid}, so the next start would fail. This stops such a
 * leftover server, but only when no living application holds the embedded server's lock
 * file (then it is another running instance, not a leftover).
 */
final class StaleEmbeddedServer {

	private static final Logger log = LoggerFactory.getLogger(StaleEmbeddedServer.class);

	/** The lock file zonky's EmbeddedPostgres holds while it owns a data directory. */
	static final String OWNER_LOCK_FILE = "epg-lock";

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private StaleEmbeddedServer() {
	}

	static void stopIfLeftRunning(Path dataDirectory) throws IOException {
		if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			return;
		}
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Path lockFile = dataDirectory.resolve(OWNER_LOCK_FILE);
		try (RandomAccessFile lock = new RandomAccessFile(lockFile.toFile(), "rw"); FileLock owner = tryLock(lock)) {
			if (owner == null) {
				throw new IllegalStateException(
						"Another running instance of the application uses the embedded database in " + dataDirectory
								+ ". Stop it first, or set app.data-dir to another folder.");
			}
			Optional<ProcessHandle> server = Files.exists(pidFile) ? postmaster(pidFile) : Optional.empty();
			if (server.isEmpty()) {
				return;
			}
			log.warn(
					"An embedded PostgreSQL (pid {}) was left running by an application that ended abruptly; stopping it",
					server.get().pid());
			stop(server.get());
		}
	}

	/** The lock, or null when a process (this one included) holds it. */
	private static FileLock tryLock(RandomAccessFile lock) throws IOException {
		try {
			return lock.getChannel().tryLock();
		}
		catch (OverlappingFileLockException heldByThisProcess) {
			return null;
		}
	}

	private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
	}

	private static void stop(ProcessHandle server) {
		server.destroy();
		try {
			server.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception notStopped) {
			log.warn("The leftover embedded PostgreSQL did not stop within {}s; killing it", SHUTDOWN_WAIT.toSeconds());
			server.destroyForcibly();
		}
	}

}
