package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** CPU time of processes and threads, from /proc. */
final class Cpu {

	static final double CLOCK_TICKS = clockTicks();

	private Cpu() {
	}

	private static double clockTicks() {
		try {
			return Double.parseDouble(Processes.quiet(List.of("getconf", "CLK_TCK")).strip());
		}
		catch (RuntimeException e) {
			return 100;
		}
	}

	/** utime + stime of a process (with {@code children}: plus cutime + cstime of its reaped children), in seconds. */
	static double seconds(long pid, boolean children) {
		try {
			String[] f = fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
			double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
			if (children) {
				ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
			}
			return ticks / CLOCK_TICKS;
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

	static double seconds(long pid) {
		return seconds(pid, false);
	}

	/** CPU seconds of the threads of a process whose name contains {@code name} (the JIT's "C2 CompilerThre…"). */
	static double threadSeconds(long pid, String name) throws IOException {
		long ticks = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					if (!Files.readString(task.resolve("comm")).contains(name)) {
						continue;
					}
					String[] f = fields(Files.readString(task.resolve("stat")));
					ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
				}
				catch (IOException ended) {
					// the thread ended between the listing and the read
				}
			}
		}
		return ticks / CLOCK_TICKS;
	}

	/** The fields of a stat line after the command name (which may contain spaces and parentheses). */
	private static String[] fields(String stat) {
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

}
