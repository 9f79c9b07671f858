package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.platformmaturity.scoring.Scoring;

/**
 * Compares the figures every assessment keeps with what counting its answers and
 * {@link Scoring} make of them now, for every assessment in the database.
 */
final class KeptFigures {

	private KeptFigures() {
	}

	/** What the answers make of one assessment. */
	private static final class Counted {

		int answered;

		int reviewed;

		int carriedOver;

		final Map<String, List<Integer>> levels = new TreeMap<>();

	}

	/**
	 * Every difference found, described; empty when every assessment's figures are right.
	 */
	static List<String> differences(JdbcClient jdbc) {
		Map<Long, Counted> counted = new HashMap<>();
		jdbc.sql("""
				select a.id, asp.key, an.level, an.not_applicable, an.carried_over
				from assessment a
				join aspect asp on asp.model_version_id = a.model_version_id
				left join question qu on qu.aspect_id = asp.id
				left join answer an on an.assessment_id = a.id and an.question_id = qu.id""").query(rs -> {
			Counted assessment = counted.computeIfAbsent(rs.getLong("id"), id -> new Counted());
			List<Integer> levels = assessment.levels.computeIfAbsent(rs.getString("key"), key -> new ArrayList<>());
			Integer level = rs.getObject("level", Integer.class);
			boolean answered = level != null || rs.getBoolean("not_applicable");
			boolean carriedOver = rs.getBoolean("carried_over");
			assessment.answered += answered ? 1 : 0;
			assessment.reviewed += answered && !carriedOver ? 1 : 0;
			assessment.carriedOver += carriedOver ? 1 : 0;
			if (level != null) {
				levels.add(level);
			}
		});
		List<String> differences = new ArrayList<>();
		jdbc.sql("select id, answered_count, reviewed_count, carried_over_count from assessment").query(rs -> {
			Counted assessment = counted.get(rs.getLong("id"));
			String kept = rs.getInt("answered_count") + "/" + rs.getInt("reviewed_count") + "/"
					+ rs.getInt("carried_over_count");
			String expected = assessment.answered + "/" + assessment.reviewed + "/" + assessment.carriedOver;
			if (!kept.equals(expected)) {
				differences.add("assessment " + rs.getLong("id") + " keeps answered/reviewed/carried over " + kept
						+ ", its answers say " + expected);
			}
		});
		Map<Long, Map<String, Optional<BigDecimal>>> keptScores = new HashMap<>();
		jdbc.sql("""
				select s.assessment_id, asp.key, s.level_sum, s.level_count
				from assessment_aspect_score s join aspect asp on asp.id = s.aspect_id""").query(rs -> {
			keptScores.computeIfAbsent(rs.getLong("assessment_id"), id -> new TreeMap<>())
				.put(rs.getString("key"), Scoring.aspectScore(rs.getInt("level_sum"), rs.getInt("level_count")));
		});
		counted.forEach((id, assessment) -> {
			Map<String, Optional<BigDecimal>> scores = new TreeMap<>();
			assessment.levels.forEach((aspect, levels) -> scores.put(aspect, Scoring.aspectScore(levels)));
			if (!scores.equals(keptScores.get(id))) {
				differences.add("assessment " + id + " keeps the scores " + keptScores.get(id) + ", its answers score "
						+ scores);
			}
		});
		return differences;
	}

	/** How many assessments there are to compare. */
	static long assessments(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from assessment").query(Long.class).single();
	}

}
