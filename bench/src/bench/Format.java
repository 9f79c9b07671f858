package bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Numbers as the report writes them, order statistics, and the driver's log line. */
final class Format {

	private Format() {
	}

	static double median(List<Double> values) {
		return percentile(values, 0.5);
	}

	/** The nearest-rank percentile; the median of an even count is the mean of the middle two. */
	static double percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (p == 0.5) {
			int n = sorted.size();
			return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		}
		int index = (int) Math.ceil(p * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static String fmt(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "—";
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	static String fmtInt(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String ms(double millis) {
		if (Double.isNaN(millis)) {
			return "—";
		}
		if (millis >= 10_000) {
			return fmt(millis / 1000, 1) + " s";
		}
		return millis >= 100 ? fmt(millis, 0) + " ms" : millis >= 10 ? fmt(millis, 1) + " ms" : fmt(millis, 2) + " ms";
	}

	static String seconds(double millis) {
		return millis >= 1000 && millis < 10_000 ? fmt(millis / 1000, 2) + " s" : ms(millis);
	}

	/** Transactions per second, with enough decimals for the slow ones. */
	static String tps(double tps) {
		return fmt(tps, tps < 1 ? 3 : 1) + " tps";
	}

	/** A heap figure; none when no jstat sample fell into a step (steps shorter than 250 ms). */
	static String heap(double mb) {
		return mb > 0 ? fmt(mb, 0) : "—";
	}

	static String kb(long bytes) {
		return fmt(bytes / 1024.0, 0) + " KB";
	}

	static String mb(long bytes) {
		return fmt(bytes / 1048576.0, 1) + " MB";
	}

	static String firstLine(String text) {
		return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static void log(String message) {
		System.out.println("[" + LocalTime.now().withNano(0) + "] " + message);
		System.out.flush();
	}

}
