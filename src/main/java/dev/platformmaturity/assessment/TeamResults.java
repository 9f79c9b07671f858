package dev.platformmaturity.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dev.platformmaturity.action.ActionState;
import dev.platformmaturity.action.TeamPlans;
import dev.platformmaturity.chart.Chart;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;
import dev.platformmaturity.chart.TrendSeries;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelView;
import dev.platformmaturity.scoring.Scoring;

/**
 * A team's results for a quarter in one language: per aspect the score, the level reached
 * with its texts, the next level's characteristics as opportunities, target, previous
 * quarter and the team's comments; the radar and the trend as charts. The same view
 * serves the results page and the PDF report.
 */
@Service
public class TeamResults {

	private final Assessments assessments;

	private final MessageSource messages;

	private final TeamPlans plans;

	TeamResults(Assessments assessments, MessageSource messages, TeamPlans plans) {
		this.assessments = assessments;
		this.messages = messages;
		this.plans = plans;
	}

	/**
	 * The radar and (from two quarters on, else null) the trend as charts: SVG for the
	 * page, vectors in PDFs.
	 *
	 * @param radarLargeText the radar with texts that stay readable when it is shrunk to
	 * a phone's width
	 * @param plan the team's actions, whose open ones' planned levels the radar shows as
	 * the plan
	 */
	public record View(AssessmentSnapshot state, String language, String modelName, Chart radar, Chart trend,
			List<AspectResult> aspects, String previousQuarter, List<PastQuarter> quarters, Chart radarLargeText,
			TeamPlans.Plan plan) {

		public String radarSvg() {
			return radar.svg();
		}

		public String trendSvg() {
			return trend == null ? null : trend.svg();
		}

		public String radarSvgLargeText() {
			return radarLargeText.svg();
		}

	}

	public record AspectResult(String key, String name, String guidingQuestion, BigDecimal score, Integer level,
			String stage, String title, List<String> description, Integer nextLevel, String nextStage, String nextTitle,
			List<ModelView.CharacteristicView> opportunities, Integer target, BigDecimal previousScore,
			List<TeamComment> comments, long answered, long notApplicable) {

		public String scoreText() {
			return score == null ? "–" : score.toPlainString();
		}

		public String previousScoreText() {
			return previousScore == null ? "–" : previousScore.toPlainString();
		}

	}

	public record TeamComment(String question, String answer, String comment) {
	}

	/**
	 * A quarter of the team's history with its scores per aspect key (null: no score).
	 */
	public record PastQuarter(String label, AssessmentStatus status, Map<String, BigDecimal> scores) {
	}

	public View results(String team, String quarter, String language) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		List<AssessmentSnapshot> earlier = assessments.history(team, quarter);
		Optional<AssessmentSnapshot> previous = earlier.stream().findFirst();
		MaturityModel model = state.model();
		Locale locale = Locale.forLanguageTag(language);
		Map<String, Optional<BigDecimal>> scores = state.scores();
		Map<String, Optional<BigDecimal>> previousScores = previous.map(AssessmentSnapshot::scores).orElse(Map.of());

		List<AspectResult> aspects = new ArrayList<>();
		for (MaturityModel.Aspect aspect : model.aspects()) {
			BigDecimal score = scores.get(aspect.key()).orElse(null);
			Integer level = score == null ? null : Scoring.level(score);
			Integer next = score == null ? Integer.valueOf(1)
					: Scoring.nextLevel(score).stream().boxed().findFirst().orElse(null);
			MaturityModel.Level reached = level == null ? null : aspect.level(level);
			MaturityModel.Level nextLevel = next == null ? null : aspect.level(next);
			List<TeamComment> comments = new ArrayList<>();
			long notApplicable = 0;
			long answered = 0;
			for (MaturityModel.Question question : aspect.questions()) {
				AnswerState answer = state.answers().get(question.id());
				if (answer == null) {
					continue;
				}
				answered += answer.answered() ? 1 : 0;
				notApplicable += answer.notApplicable() ? 1 : 0;
				if (answer.comment() != null) {
					String chosen = answer.notApplicable()
							? messages.getMessage("assessment.notApplicable", null, locale) : answer.level() == null
									? "" : question.option(answer.level()).orElseThrow().label().in(language);
					comments.add(new TeamComment(question.text().in(language), chosen, answer.comment()));
				}
			}
			aspects.add(new AspectResult(aspect.key(), aspect.name().in(language), aspect.question().in(language),
					score, level, level == null ? null : model.stageName(level).in(language),
					reached == null ? null : reached.title().in(language),
					reached == null ? List.of() : ModelView.paragraphs(reached.description().in(language)), next,
					next == null ? null : model.stageName(next).in(language),
					nextLevel == null ? null : nextLevel.title().in(language),
					nextLevel == null ? List.of()
							: nextLevel.characteristics()
								.stream()
								.map(c -> new ModelView.CharacteristicView(c.id(), c.text().in(language),
										c.details().stream().map(d -> d.in(language)).toList()))
								.toList(),
					state.target(aspect.key()).orElse(null),
					previousScores.getOrDefault(aspect.key(), Optional.empty()).orElse(null), comments, answered,
					notApplicable));
		}

		List<PastQuarter> quarters = new ArrayList<>();
		List<AssessmentSnapshot> oldestFirst = new ArrayList<>(earlier);
		Collections.reverse(oldestFirst);
		if (state.started()) {
			oldestFirst.add(state);
		}
		for (AssessmentSnapshot past : oldestFirst) {
			Map<String, BigDecimal> pastScores = new LinkedHashMap<>();
			past.scores().forEach((aspect, value) -> pastScores.put(aspect, value.orElse(null)));
			quarters.add(new PastQuarter(past.quarter().label(), past.status(), pastScores));
		}

		TeamPlans.Plan plan = plans.plan(team, language);
		RadarChart.Spec radar = radar(state, aspects, previous, plan, locale);
		return new View(state, language, model.name().in(language), RadarChart.chart(radar),
				trend(model, quarters, language, locale, state.team().slug()), aspects,
				previous.map(p -> p.quarter().label()).orElse(null), quarters,
				RadarChart.chart(new RadarChart.Spec(radar.idPrefix() + "-large", radar.title(), radar.description(),
						radar.axisLabels(), radar.maxValue(), radar.series()), RadarChart.TextSize.LARGE),
				plan);
	}

	private RadarChart.Spec radar(AssessmentSnapshot state, List<AspectResult> aspects,
			Optional<AssessmentSnapshot> previous, TeamPlans.Plan plan, Locale locale) {
		List<Series> series = new ArrayList<>();
		previous.ifPresent(p -> series
			.add(new Series(messages.getMessage("results.radar.previous", new Object[] { p.quarter().label() }, locale),
					aspects.stream().map(AspectResult::previousScore).toList(), SeriesStyle.PREVIOUS)));
		if (aspects.stream().anyMatch(aspect -> aspect.target() != null)) {
			series.add(new Series(messages.getMessage("results.radar.target", null, locale),
					aspects.stream()
						.map(aspect -> aspect.target() == null ? null : BigDecimal.valueOf(aspect.target()))
						.toList(),
					SeriesStyle.TARGET));
		}
		List<BigDecimal> planned = aspects.stream().map(aspect -> plannedLevel(plan, aspect.key())).toList();
		if (planned.stream().anyMatch(Objects::nonNull)) {
			series.add(new Series(messages.getMessage("results.radar.plan", null, locale), planned, SeriesStyle.PLAN));
		}
		series.add(new Series(
				messages.getMessage("results.radar.current", new Object[] { state.quarter().label() }, locale),
				aspects.stream().map(AspectResult::score).toList(), SeriesStyle.CURRENT));
		return new RadarChart.Spec("radar-" + state.team().slug(),
				messages.getMessage("results.radar.title",
						new Object[] { state.team().name(), state.quarter().label() }, locale),
				messages.getMessage("results.radar.description", null, locale),
				aspects.stream().map(AspectResult::name).toList(), 4, series);
	}

	/**
	 * The highest level that the aspect's open actions set out to reach; null without
	 * one.
	 */
	private static BigDecimal plannedLevel(TeamPlans.Plan plan, String aspect) {
		return plan.openIn(aspect)
			.stream()
			.map(ActionState::plannedLevel)
			.filter(Objects::nonNull)
			.max(Integer::compare)
			.map(BigDecimal::valueOf)
			.orElse(null);
	}

	private Chart trend(MaturityModel model, List<PastQuarter> quarters, String language, Locale locale, String team) {
		if (quarters.size() < 2) {
			return null;
		}
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, Map<String, BigDecimal>> byLabel = new LinkedHashMap<>();
		quarters.forEach(quarter -> {
			labels.put(quarter.label(), quarter.label());
			byLabel.put(quarter.label(), quarter.scores());
		});
		Map<String, String> aspects = new LinkedHashMap<>();
		model.aspects().forEach(aspect -> aspects.put(aspect.key(), aspect.name().in(language)));
		return LineChart
			.chart(TrendSeries.spec("trend-" + team, messages.getMessage("results.trend.title", null, locale),
					messages.getMessage("results.trend.description", null, locale), labels, aspects,
					(label, aspect) -> byLabel.get(label).get(aspect)));
	}

}
