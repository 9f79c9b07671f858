package bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static bench.Format.fmt;
import static bench.Format.fmtInt;
import static bench.Format.log;

/**
 * The benchmark data and everything the driver knows about the application's tables: {@code bench/generate.sql}
 * writes them, and the few reads below (the open quarter, the questions, the open quarter's answers) are the only
 * other SQL of the driver that names them. A schema change is adapted here and in generate.sql.
 */
final class Dataset {

	static final String LEAD = "bench-lead";

	static final String MEMBER = "bench-member";

	static final String ADMIN = "admin";

	/** A question of the newest model version and the key of its aspect, in the model's order. */
	record Question(String key, String aspect) {
	}

	private final Cluster cluster;

	private final Database db;

	final int teams;

	String summary;

	double seconds;

	String openQuarter;

	List<Question> questions;

	long openAnswerLow;

	long openAnswerHigh;

	Dataset(Cluster cluster, Database db, int teams) {
		this.cluster = cluster;
		this.db = db;
		this.teams = teams;
	}

	/** The slug of team {@code n} (1-based), as generate.sql names them. */
	static String team(int n) {
		return String.format("team-%05d", n);
	}

	/** The username of member {@code k} (1 to 3) of team {@code n}, as generate.sql names them. */
	static String member(int n, int k) {
		return String.format("m%05d-%d", n, k);
	}

	void generate(Path script, int quarters, long seed) throws Exception {
		log("Generating " + fmtInt(teams) + " teams × " + quarters + " quarters (seed " + seed + ")");
		long started = System.nanoTime();
		String out = cluster.sqlFile(db.name(), script, Map.of("teams", String.valueOf(teams), "quarters",
				String.valueOf(quarters), "seed", String.valueOf(seed)), 3600);
		seconds = (System.nanoTime() - started) / 1e9;
		String counts = out.lines().filter(l -> l.matches("\\s*\\d+\\s*\\|.*")).findFirst().orElse("").strip();
		String[] c = counts.split("\\s*\\|\\s*");
		summary = c.length >= 5 ? fmtInt(Long.parseLong(c[0])) + " teams, " + c[1] + " quarters, "
				+ fmtInt(Long.parseLong(c[2])) + " assessments, " + fmtInt(Long.parseLong(c[3])) + " answers, "
				+ fmtInt(Long.parseLong(c[4])) + " people" : counts;
		log("  " + summary + " in " + fmt(seconds, 1) + " s");
		openQuarter = cluster.sql(db.name(), "select label from quarter where state = 'OPEN'").strip();
		questions = cluster.sql(db.name(), """
				select q.key, a.key from question q join aspect a on a.id = q.aspect_id
				where q.model_version_id = (select id from model_version
				                            order by imported_at desc, version desc, id desc limit 1)
				order by a.position, q.position""").lines().filter(l -> !l.isBlank())
			.map(l -> new Question(l.split("\\|")[0], l.split("\\|")[1]))
			.toList();
		String[] range = cluster.sql(db.name(), """
				select min(an.id), max(an.id), count(*) from answer an join assessment a on a.id = an.assessment_id
				join quarter q on q.id = a.quarter_id where q.state = 'OPEN'""").strip().split("\\|");
		openAnswerLow = Long.parseLong(range[0]);
		openAnswerHigh = Long.parseLong(range[1]);
		if (openAnswerHigh - openAnswerLow + 1 != Long.parseLong(range[2])) {
			throw new IllegalStateException("The open quarter's answers do not have contiguous ids");
		}
	}

	List<String> questionKeys() {
		return questions.stream().map(Question::key).toList();
	}

	List<String> aspects() {
		return questions.stream().map(Question::aspect).distinct().toList();
	}

	/**
	 * Counts the figures that the open quarter's assessments keep (per aspect the sum and number of answered levels)
	 * again from their answers, as the migration that introduced them does. The pgbench baseline of autosave writes
	 * answers behind the application's back; without this the scenarios after it would save against figures that no
	 * longer match the answers, and the database's check of the figures would refuse their saves.
	 */
	void recountKeptFigures() throws Exception {
		cluster.sql(db.name(), """
				update assessment_aspect_score s set level_sum = c.level_sum, level_count = c.level_count
				from (select k.assessment_id, k.aspect_id, coalesce(sum(an.level), 0) as level_sum,
				             count(an.level) as level_count
				      from assessment_aspect_score k
				      join assessment a on a.id = k.assessment_id
				      join quarter qu on qu.id = a.quarter_id and qu.state = 'OPEN'
				      join question q on q.aspect_id = k.aspect_id
				      left join answer an on an.assessment_id = k.assessment_id and an.question_id = q.id
				      group by k.assessment_id, k.aspect_id) c
				where c.assessment_id = s.assessment_id and c.aspect_id = s.aspect_id
				  and (s.level_sum, s.level_count) is distinct from (c.level_sum, c.level_count)""");
	}

	/** Per team slug: the current version and level (0 for not applicable) of each question, in the model's order. */
	Map<String, long[]> answerState(List<String> slugs) throws Exception {
		String in = slugs.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
		Map<String, List<long[]>> perTeam = new LinkedHashMap<>();
		String rows = cluster.sql(db.name(), """
				select t.slug, an.version, coalesce(an.level, 0)
				from answer an join assessment a on a.id = an.assessment_id join team t on t.id = a.team_id
				join quarter qu on qu.id = a.quarter_id join question q on q.id = an.question_id
				join aspect asp on asp.id = q.aspect_id
				where qu.state = 'OPEN' and t.slug in (%s)
				order by t.slug, asp.position, q.position""".formatted(in));
		for (String line : rows.lines().filter(l -> !l.isBlank()).toList()) {
			String[] f = line.split("\\|");
			perTeam.computeIfAbsent(f[0], k -> new ArrayList<>())
				.add(new long[] { Long.parseLong(f[1]), Long.parseLong(f[2]) });
		}
		Map<String, long[]> flat = new LinkedHashMap<>();
		perTeam.forEach((slug, list) -> {
			if (list.size() != questions.size()) {
				throw new IllegalStateException(slug + " has " + list.size() + " answers in " + openQuarter + ", not "
						+ questions.size());
			}
			long[] values = new long[list.size() * 2];
			for (int i = 0; i < list.size(); i++) {
				values[2 * i] = list.get(i)[0];
				values[2 * i + 1] = list.get(i)[1];
			}
			flat.put(slug, values);
		});
		for (String slug : slugs) {
			if (!flat.containsKey(slug)) {
				throw new IllegalStateException(slug + " has no assessment in " + openQuarter);
			}
		}
		return flat;
	}

	/**
	 * The pgbench baseline of autosave when the application's own UPDATE of an answer was not found in the log (for
	 * instance when a save became one statement): a random answer of the open quarter, read and then updated with a
	 * version check, the same work as the application's UPDATE of one answer.
	 */
	String plainAnswerUpdate() {
		return "\\set id random(" + openAnswerLow + ", " + openAnswerHigh + ")\n"
				+ "\\set level random(1, 4)\n"
				+ "select version from answer where id = :id \\gset\n"
				+ "update answer set level = :level, not_applicable = false, version = :version + 1 "
				+ "where id = :id and version = :version;\n";
	}

}
