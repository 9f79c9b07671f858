package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static bench.Format.fmt;

/** The machine the run happened on, for the report's header. */
final class Machine {

	private Machine() {
	}

	static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
		}
		catch (IOException e) {
			return "unknown CPU";
		}
	}

	static String memory() {
		try {
			String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
			return fmt(Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0, 1) + " GiB";
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	static String osName() {
		try {
			return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
				.map(l -> l.substring(12).replace("\"", "")).findFirst().orElse("Linux");
		}
		catch (IOException e) {
			return "Linux";
		}
	}

}
