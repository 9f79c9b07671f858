package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every process the driver starts goes through here, so that {@link #stopAll} can end the ones still running, also
 * on failure or interruption.
 */
final class Processes {

	private final Path directory;

	private final List<Process> running = Collections.synchronizedList(new ArrayList<>());

	Processes(Path directory) {
		this.directory = directory;
	}

	/** Starts a process that runs alongside the driver until {@link #stop} (the application, jstat). */
	Process start(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		running.add(process);
		return process;
	}

	void stop(Process process, int seconds) {
		stopProcess(process, seconds);
		running.remove(process);
	}

	void stopAll() {
		for (Process process : new ArrayList<>(running)) {
			stop(process, 40);
		}
	}

	String exec(List<String> command, Path input, int timeoutSeconds) throws Exception {
		return exec(command, input, timeoutSeconds, Map.of());
	}

	/** Runs a command to its end (stopping it after the timeout) and returns its output; a non-zero exit fails. */
	String exec(List<String> command, Path input, int timeoutSeconds, Map<String, String> env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
		builder.environment().putAll(env);
		if (input != null) {
			builder.redirectInput(input.toFile());
		}
		Process process = start(builder);
		try {
			byte[][] out = new byte[1][];
			Thread reader = new Thread(() -> {
				try {
					out[0] = process.getInputStream().readAllBytes();
				}
				catch (IOException e) {
					out[0] = new byte[0];
				}
			});
			reader.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				stopProcess(process, 5);
				throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
			}
			reader.join(5000);
			String text = new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
						+ " exited with " + process.exitValue() + ": " + text.strip());
			}
			return text;
		}
		finally {
			running.remove(process);
		}
	}

	/** Output of a command that may fail (versions, tools): empty when it cannot run; at most 30 s. */
	static String quiet(List<String> command) {
		try {
			Path out = Files.createTempFile("bench-quiet", ".out");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(out.toFile())
					.start();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return "";
				}
				return Files.readString(out);
			}
			finally {
				Files.deleteIfExists(out);
			}
		}
		catch (IOException | InterruptedException e) {
			return "";
		}
	}

	static boolean which(String tool) {
		return !quiet(List.of("sh", "-c", "command -v " + tool)).isBlank();
	}

	static String javaTool(String name) {
		Path tool = Path.of(System.getProperty("java.home"), "bin", name);
		return Files.isExecutable(tool) ? tool.toString() : name;
	}

	/** Asks the process to end, then forces it after {@code seconds}; its descendants are forced too. */
	static void stopProcess(Process process, int seconds) {
		if (process == null || !process.isAlive()) {
			return;
		}
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		try {
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
