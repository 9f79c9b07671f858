package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import static bench.Format.log;

/**
 * JFR recordings of the application with {@code --profile} ({@code jcmd <pid> JFR.start}, the default settings), each
 * summarised as hot methods in a text file beside it. Without {@code --profile} nothing is recorded.
 */
final class Profiler {

	record Recording(App app, String name, Path file) {
	}

	interface Body<T> {

		T run() throws Exception;

	}

	private final Bench bench;

	Profiler(Bench bench) {
		this.bench = bench;
	}

	Recording start(App app, String name) throws Exception {
		if (!bench.options.profile) {
			return null;
		}
		Path file = bench.work.resolve(name + ".jfr");
		bench.processes.exec(List.of(Processes.javaTool("jcmd"), String.valueOf(app.pid()), "JFR.start", "name=" + name,
				"filename=" + file), null, 60);
		return new Recording(app, name, file);
	}

	/** Runs {@code body} under a recording (with --profile), stopped also when the body fails. */
	<T> T profiled(App app, String name, Body<T> body) throws Exception {
		Recording recording = start(app, name);
		try {
			return body.run();
		}
		finally {
			stop(recording);
		}
	}

	void stop(Recording recording) {
		if (recording == null) {
			return;
		}
		try {
			bench.processes.exec(List.of(Processes.javaTool("jcmd"), String.valueOf(recording.app().pid()), "JFR.stop",
					"name=" + recording.name()), null, 120);
			Path hot = bench.work.resolve(recording.name() + ".hot.txt");
			Files.writeString(hot, hotMethods(recording.file()));
			log("  JFR " + bench.relative(recording.file()) + ", hot methods in " + bench.relative(hot));
		}
		catch (Exception failed) {
			log("  JFR " + recording.name() + " failed: " + failed.getMessage());
		}
	}

	/** Where the samples are: top frames (self), application and library frames (inclusive), allocations. */
	static String hotMethods(Path file) throws IOException {
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> inclusive = new HashMap<>();
		Map<String, Long> nativeTop = new HashMap<>();
		Map<Long, long[]> allocated = new HashMap<>();
		double gcPauseMs = 0;
		int gcs = 0;
		Instant first = null;
		Instant last = null;
		long samples = 0;
		long nativeSamples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
				if (first == null || event.getStartTime().isBefore(first)) {
					first = event.getStartTime();
				}
				if (last == null || event.getEndTime().isAfter(last)) {
					last = event.getEndTime();
				}
				if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (type.equals("jdk.NativeMethodSample")) {
					String thread = event.getThread("sampledThread") == null ? ""
							: event.getThread("sampledThread").getJavaName();
					if (thread == null || !thread.matches("http-nio-.*-exec-\\d+")) {
						continue;
					}
					nativeSamples++;
					String where = frames.stream().limit(12).map(Profiler::frame)
						.filter(f -> !f.startsWith("java.") && !f.startsWith("sun.") && !f.startsWith("jdk."))
						.findFirst().orElse(frame(frames.get(0)));
					nativeTop.merge(where, 1L, Long::sum);
					continue;
				}
				samples++;
				self.merge(frame(frames.get(0)), 1L, Long::sum);
				Set<String> seen = new HashSet<>();
				for (RecordedFrame f : frames) {
					String name = frame(f);
					if (seen.add(name)) {
						inclusive.merge(name, 1L, Long::sum);
					}
				}
			}
			else if (type.equals("jdk.ThreadAllocationStatistics") && event.getThread("thread") != null) {
				long value = event.getLong("allocated");
				long[] range = allocated.computeIfAbsent(event.getThread("thread").getJavaThreadId(),
						k -> new long[] { value, value });
				range[0] = Math.min(range[0], value);
				range[1] = Math.max(range[1], value);
			}
			else if (type.equals("jdk.GarbageCollection")) {
				gcs++;
				gcPauseMs += event.getDuration("sumOfPauses").toNanos() / 1e6;
			}
		}
		StringBuilder out = new StringBuilder();
		double seconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
		long bytes = allocated.values().stream().mapToLong(r -> r[1] - r[0]).sum();
		out.append(String.format(Locale.ROOT, "Recording: %.1f s; Java execution samples: %d (%.0f/s); allocated by "
				+ "all threads: %.0f MB; GCs: %d, pauses %.0f ms%n%nTop frames (self):%n", seconds, samples,
				seconds > 0 ? samples / seconds : 0, bytes / 1048576.0, gcs, gcPauseMs));
		top(self, 30, samples, out);
		out.append("\nInclusive, application and libraries (without java., jdk., sun., Tomcat and Spring dispatch):\n");
		Map<String, Long> filtered = inclusive.entrySet().stream()
			.filter(e -> !e.getKey().matches("^(java|jdk|sun|javax|jakarta)\\..*")
					&& !e.getKey().matches("^org\\.apache\\.(catalina|coyote|tomcat)\\..*")
					&& !e.getKey().matches("^org\\.springframework\\.(web\\.(filter|servlet\\.(DispatcherServlet|"
							+ "FrameworkServlet|HttpServletBean))|security\\.web\\.(FilterChainProxy|"
							+ "ObservationFilterChainDecorator)).*"))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		top(filtered, 60, samples, out);
		out.append("\nRequest threads in native code (waiting for the database or the network), by first non-JDK "
				+ "frame: ").append(nativeSamples).append('\n');
		top(nativeTop, 15, nativeSamples, out);
		out.append("\nThe application's own methods (inclusive):\n");
		top(inclusive.entrySet().stream()
			.filter(e -> e.getKey().startsWith("dev.platformmaturity.") && !e.getKey().contains("$$SpringCGLIB"))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), 30, samples, out);
		return out.toString();
	}

	private static String frame(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static void top(Map<String, Long> counts, int limit, long total, StringBuilder out) {
		counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
			.forEach(e -> out.append(String.format(Locale.ROOT, "  %6d %5.1f%%  %s%n", e.getValue(),
					100.0 * e.getValue() / Math.max(1, total), e.getKey())));
	}

}
