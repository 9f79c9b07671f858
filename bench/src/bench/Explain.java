package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;
import static bench.Format.ms;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of captured statements as the database's own role, written to a file, and read
 * back node by node: the join types, the planner's estimate against the rows it met, and the row visits (the rows a
 * node returned and those its filters dropped, times its loops, summed over the nodes). A plan that is quadratic in
 * the number of teams shows as row visits growing with the square of the team count.
 */
final class Explain {

	private static final Pattern NODE = Pattern
		.compile("^(\\s*)(?:->\\s+)?(.+?)\\s+\\(cost=\\S+ rows=(\\d+) width=\\d+\\)"
			+ "(?:\\s+\\((?:actual time=[\\d.]+\\.\\.([\\d.]+) rows=([\\d.]+) loops=(\\d+)|(never executed))\\))?");

	private static final String MARKER = "-- bench: next plan --";

	private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([\\d.]+) ms");

	private static final Pattern REMOVED = Pattern.compile("Rows Removed by [\\w ]+: (\\d+)");

	/** A plan node; {@code removed}: the rows it read and dropped per loop (by a filter, a join filter, a recheck). */
	record Node(int depth, String type, long estimatedRows, double actualRows, long loops, double totalMs,
			double removed) {

		double visits() {
			return (actualRows + removed) * loops;
		}

		Node removing(double rows) {
			return new Node(depth, type, estimatedRows, actualRows, loops, totalMs, removed + rows);
		}

		/** The node's kind without its object: "Seq Scan on answer a" is a "Seq Scan". */
		String kind() {
			return type.replaceAll(" (on|using) .*$", "");
		}

	}

	record Plan(String name, List<Node> nodes, double executionMs) {

		double rowVisits() {
			return nodes.stream().mapToDouble(Node::visits).sum();
		}

		Node largest() {
			return nodes.stream().max((a, b) -> Double.compare(a.visits(), b.visits())).orElse(null);
		}

		Map<String, Integer> joins() {
			Map<String, Integer> joins = new LinkedHashMap<>();
			for (Node node : nodes) {
				if (node.kind().matches(".*(Nested Loop|Hash Join|Merge Join).*")) {
					joins.merge(node.kind().replaceAll("^Parallel ", ""), 1, Integer::sum);
				}
			}
			return joins;
		}

		/**
		 * For example "12.3 ms; Hash Join ×2, Nested Loop ×1; 41,000 row visits, most in Nested Loop: 200 rows × 200
		 * loops (estimated 1 rows)".
		 */
		String summary() {
			StringBuilder out = new StringBuilder(ms(executionMs));
			Map<String, Integer> joins = joins();
			out.append("; ").append(joins.isEmpty() ? "no join" : String.join(", ", joins.entrySet().stream()
				.map(e -> e.getKey() + " ×" + e.getValue()).toList()));
			Node largest = largest();
			out.append("; ").append(fmtInt(Math.round(rowVisits()))).append(" row visits");
			if (largest != null) {
				out.append(", most in ").append(largest.kind()).append(": ")
					.append(fmtInt(Math.round(largest.actualRows()))).append(" rows")
					.append(largest.removed() > 0 ? " (+" + fmtInt(Math.round(largest.removed())) + " removed)" : "")
					.append(" × ").append(fmtInt(largest.loops())).append(" loops (estimated ")
					.append(fmtInt(largest.estimatedRows())).append(" rows)");
			}
			return out.toString();
		}

		/** The plan tree, one node a line: kind, estimated and actual rows, loops, time. */
		String tree() {
			StringBuilder out = new StringBuilder();
			for (Node node : nodes) {
				out.append("  ".repeat(node.depth())).append(node.type()).append(" — est. ")
					.append(fmtInt(node.estimatedRows()))
					.append(", actual ").append(node.loops() == 0 ? "never executed" : fmt(node.actualRows(), 0)
							+ (node.removed() > 0 ? " (+" + fmt(node.removed(), 0) + " removed)" : "") + " × "
							+ fmtInt(node.loops()) + " loops, " + ms(node.totalMs()))
					.append('\n');
			}
			return out.toString();
		}

	}

	private Explain() {
	}

	/** How the row visits grow with the teams: log(visits ratio) ÷ log(team ratio); about 1 linear, 2 quadratic. */
	static double exponent(Plan small, int smallTeams, Plan large, int largeTeams) {
		return Math.log(large.rowVisits() / small.rowVisits()) / Math.log((double) largeTeams / smallTeams);
	}

	/** The statements explained one after the other in one psql session, each output after a marker line. */
	static List<Plan> run(Bench bench, Database db, List<String> statements, Path file) throws Exception {
		List<String> commands = new ArrayList<>();
		for (String sql : statements) {
			commands.add("\\echo " + MARKER);
			commands.add("explain (analyze, buffers) " + sql);
		}
		String[] outputs = bench.cluster.sqlAsOwner(db, commands, 1800).split(Pattern.quote(MARKER) + "\n", -1);
		StringBuilder out = new StringBuilder();
		List<Plan> plans = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			String name = StatementLog.shortName(statements.get(i));
			String text = i + 1 < outputs.length ? outputs[i + 1] : "";
			out.append("-- ").append(name).append('\n').append(text).append('\n');
			plans.add(parse(name, text));
		}
		Files.writeString(file, out);
		log("  EXPLAIN (ANALYZE, BUFFERS) written to " + bench.relative(file));
		return plans;
	}

	static Plan parse(String name, String text) {
		List<Node> nodes = new ArrayList<>();
		double execution = Double.NaN;
		int rootIndent = -1;
		for (String line : text.lines().toList()) {
			Matcher m = NODE.matcher(line);
			if (m.find() && m.start() == 0) {
				int indent = m.group(1).length();
				if (rootIndent < 0) {
					rootIndent = indent;
				}
				boolean executed = m.group(7) == null && m.group(4) != null;
				nodes.add(new Node((indent - rootIndent + 4) / 6, m.group(2).strip(), Long.parseLong(m.group(3)),
						executed ? Double.parseDouble(m.group(5)) : 0, executed ? Long.parseLong(m.group(6)) : 0,
						executed ? Double.parseDouble(m.group(4)) : 0, 0));
				continue;
			}
			Matcher removed = REMOVED.matcher(line);
			if (removed.find() && !nodes.isEmpty()) {
				nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1).removing(Double.parseDouble(removed.group(1))));
				continue;
			}
			Matcher e = EXECUTION.matcher(line);
			if (e.find()) {
				execution = Double.parseDouble(e.group(1));
			}
		}
		return new Plan(name, nodes, execution);
	}

}
