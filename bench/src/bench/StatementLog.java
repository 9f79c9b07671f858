package bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements one role sent, read from PostgreSQL's log with {@code log_statement = all}: each
 * {@code execute …:} joined with its {@code DETAIL:  parameters: $1 = …} line, the values substituted as SQL literals.
 */
final class StatementLog {

	record Statement(String sql) {

		boolean isControl() {
			String s = sql.strip().toLowerCase(Locale.ROOT);
			return s.isEmpty() || s.startsWith("begin") || s.startsWith("commit") || s.startsWith("rollback")
					|| s.startsWith("set ") || s.startsWith("show ") || s.startsWith("savepoint")
				|| s.startsWith("release");
		}

		boolean isQuery() {
			String s = sql.strip().toLowerCase(Locale.ROOT);
			return !isControl() && (s.startsWith("select") || s.startsWith("with"));
		}

	}

	private static final Pattern START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*");

	private static final Pattern ENTRY = Pattern.compile("^.*?\\[(\\d+)\\] (\\S+@\\S+ )?(LOG|DETAIL):  (.*)$",
			Pattern.DOTALL);

	private static final Pattern STATEMENT = Pattern.compile("^(?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);

	/**
	 * The application's database probe (behind readiness), which runs on a connection of its own every few seconds
	 * and so may fall into the log of a request.
	 */
	private static final String READINESS_PROBE = "select current_setting('transaction_read_only')";

	final List<Statement> statements = new ArrayList<>();

	static StatementLog parse(String text, String who) {
		List<String> records = new ArrayList<>();
		StringBuilder current = null;
		for (String line : text.split("\n", -1)) {
			if (START.matcher(line).matches()) {
				if (current != null) {
					records.add(current.toString());
				}
				current = new StringBuilder(line);
			}
			else if (current != null) {
				current.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
			}
		}
		if (current != null) {
			records.add(current.toString());
		}
		StatementLog log = new StatementLog();
		Map<String, Integer> pending = new HashMap<>();
		for (String record : records) {
			Matcher m = ENTRY.matcher(record);
			if (!m.matches() || (m.group(2) != null && !m.group(2).strip().equals(who))) {
				continue;
			}
			String pid = m.group(1);
			String message = m.group(4);
			if (m.group(3).equals("LOG")) {
				Matcher statement = STATEMENT.matcher(message);
				if (statement.matches() && !statement.group(1).strip().equals(READINESS_PROBE)) {
					log.statements.add(new Statement(statement.group(1).strip()));
					pending.put(pid, log.statements.size() - 1);
				}
			}
			else if (message.startsWith("parameters: ") && pending.containsKey(pid)) {
				int index = pending.remove(pid);
				Map<Integer, String> parameters = parameters(message.substring("parameters: ".length()));
				log.statements.set(index, new Statement(substitute(log.statements.get(index).sql(), parameters)));
			}
		}
		return log;
	}

	/** {@code $1 = '8', $2 = NULL, $3 = 'it''s'} as SQL literals by number. */
	static Map<Integer, String> parameters(String text) {
		Map<Integer, String> values = new HashMap<>();
		int i = 0;
		while (i < text.length()) {
			int dollar = text.indexOf('$', i);
			if (dollar < 0) {
				break;
			}
			int eq = text.indexOf(" = ", dollar);
			int number = Integer.parseInt(text.substring(dollar + 1, eq).strip());
			int v = eq + 3;
			if (text.startsWith("NULL", v)) {
				values.put(number, "NULL");
				i = v + 4;
			}
			else if (text.charAt(v) == '\'') {
				int j = v + 1;
				while (j < text.length()) {
					if (text.charAt(j) == '\'') {
						if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
							j += 2;
							continue;
						}
						break;
					}
					j++;
				}
				values.put(number, text.substring(v, j + 1));
				i = j + 1;
			}
			else {
				int end = text.indexOf(", $", v);
				values.put(number, text.substring(v, end < 0 ? text.length() : end).strip());
				i = end < 0 ? text.length() : end + 2;
			}
		}
		return values;
	}

	static String substitute(String sql, Map<Integer, String> parameters) {
		Matcher m = Pattern.compile("\\$(\\d+)").matcher(sql);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = parameters.get(Integer.parseInt(m.group(1)));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * The statements of the request's own work: without Spring Session's, which read (and at most once a minute
	 * write) the session around every signed-in request alike, /about's too. A transaction whose statements all
	 * touch the session's tables is left out with its BEGIN and COMMIT.
	 */
	StatementLog withoutSessionStore() {
		StatementLog own = new StatementLog();
		List<Statement> transaction = new ArrayList<>();
		boolean inTransaction = false;
		for (Statement statement : statements) {
			String sql = statement.sql().strip().toLowerCase(Locale.ROOT);
			if (sql.startsWith("begin")) {
				inTransaction = true;
			}
			transaction.add(statement);
			if (!inTransaction || sql.startsWith("commit") || sql.startsWith("rollback")) {
				if (!transaction.stream().filter(s -> !s.isControl()).allMatch(StatementLog::isSessionStore)
						|| transaction.stream().allMatch(Statement::isControl)) {
					own.statements.addAll(transaction);
				}
				transaction.clear();
				inTransaction = false;
			}
		}
		own.statements.addAll(transaction);
		return own;
	}

	private static boolean isSessionStore(Statement statement) {
		return statement.sql().toLowerCase(Locale.ROOT).contains("spring_session");
	}

	List<String> queries() {
		return statements.stream().filter(Statement::isQuery).map(Statement::sql).toList();
	}

	long count() {
		return statements.stream().filter(s -> !s.isControl()).count();
	}

	long transactions() {
		return statements.stream().filter(s -> s.sql().toLowerCase(Locale.ROOT).startsWith("begin")).count();
	}

	/** For example "10 statements in 1 transaction". */
	String summary() {
		return count() + " statements in " + transactions() + " transaction" + (transactions() == 1 ? "" : "s");
	}

	/**
	 * For example "10 statements (7 select, 1 insert, 2 update) in 1 transactions, 12 round trips with
	 * BEGIN/COMMIT/SET".
	 */
	String describe() {
		Map<String, Long> kinds = statements.stream().filter(s -> !s.isControl()).collect(Collectors.groupingBy(s -> {
			String first = s.sql().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
			return first.equals("with") ? "select" : first;
		}, LinkedHashMap::new, Collectors.counting()));
		return count() + " statements (" + kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
			.collect(Collectors.joining(", ")) + ") in " + transactions() + " transactions, " + statements.size()
				+ " round trips with BEGIN/COMMIT/SET";
	}

	/** The statements' short names, transaction control left out. */
	String names() {
		return statements.stream()
			.filter(s -> !s.isControl())
			.map(s -> shortName(s.sql()))
			.collect(Collectors.joining(", "));
	}

	/** A short name for a statement: its kind and main table, or the first CTE's name. */
	static String shortName(String sql) {
		String s = sql.strip().replaceAll("\\s+", " ");
		String lower = s.toLowerCase(Locale.ROOT);
		if (lower.startsWith("with ")) {
			Matcher m = Pattern.compile("(?i)^with (\\w+) as").matcher(s);
			String cte = m.find() ? m.group(1) : "cte";
			Matcher main = Pattern.compile("(?i)\\)\\s*(?:select .*? from|(update|insert into|delete from)) (\\w+)")
				.matcher(s);
			String kind = "select from";
			String last = "…";
			while (main.find()) {
				kind = main.group(1) == null ? "select from" : main.group(1).toLowerCase(Locale.ROOT);
				last = main.group(2);
			}
			return "with " + cte + "… " + kind + " " + last;
		}
		if (lower.startsWith("select")) {
			Matcher from = Pattern.compile("(?i)\\bfrom (\\w+)").matcher(s);
			return "select " + (from.find() ? from.group(1) : "");
		}
		if (lower.startsWith("insert into") || lower.startsWith("update") || lower.startsWith("delete from")) {
			Matcher t = Pattern.compile("(?i)^(insert into|update|delete from) (\\w+)").matcher(s);
			return t.find() ? t.group(1).toLowerCase(Locale.ROOT) + " " + t.group(2)
					: s.substring(0, Math.min(30, s.length()));
		}
		return s.substring(0, Math.min(30, s.length()));
	}

}
