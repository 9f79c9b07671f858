package dev.platformmaturity.report;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.TeamResults;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;
import dev.platformmaturity.dashboard.Dashboards;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;

/**
 * The two PDF reports. The team report: one team's quarter, with the same results and charts as its page. The
 * organisation report: a quarter across all teams (or a group), written a part at a time — summary, heatmap rows,
 * one block per team — so that its memory does not grow with the number of teams.
 */
@Service
public class Reports {

	/** Charts are drawn at their own size up to this width, as the SVG charts were; the median radar up to 120 mm. */
	private static final double CHART_WIDTH_MM = 150;

	private static final double NARROW_CHART_WIDTH_MM = 120;

	private final TeamResults results;

	private final Dashboards dashboards;

	private final ModelCatalog catalog;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final PdfRenderer renderer;

	private final ReportProperties properties;

	Reports(TeamResults results, Dashboards dashboards, ModelCatalog catalog, TemplateEngine templates,
			MessageSource messages, PdfRenderer renderer, ReportProperties properties) {
		this.results = results;
		this.dashboards = dashboards;
		this.catalog = catalog;
		this.templates = templates;
		this.messages = messages;
		this.renderer = renderer;
		this.properties = properties;
	}

	/** The team's report for the quarter; a one-page "nothing to report" when the team has not started. */
	public void teamReport(String team, String quarter, Locale locale, OutputStream out) {
		String language = locale.toLanguageTag();
		TeamResults.View view = results.results(team, quarter, language);
		String heading = message("report.team.heading", locale, view.state().team().name());
		PdfRenderer.Frame frame = new PdfRenderer.Frame(message("report.team.title", locale, view.state().team().name(),
				view.state().quarter().label()), organisation(locale) + " · " + heading + " · " + view.state().quarter().label(),
				message("report.page", locale), language);
		ReportCharts charts = new ReportCharts();
		if (!view.state().started()) {
			String reason = message("report.team.nothing", locale, view.state().team().name(),
					view.state().quarter().label());
			renderer.render(List.of(() -> nothing(locale, heading, reason)), charts, frame, out);
			return;
		}
		Map<String, Object> variables = base(locale);
		variables.put("results", view);
		variables.put("radarChart", charts.place(view.radar(), CHART_WIDTH_MM));
		variables.put("trendChart", view.trend() == null ? null : charts.place(view.trend(), CHART_WIDTH_MM));
		renderer.render(List.of(() -> html("report/team", locale, variables)), charts, frame, out);
	}

	/**
	 * The organisation's report for the quarter (a group's, when given): completion, distribution, the median team,
	 * the median over the quarters, the heatmap and one block per team.
	 */
	public void organisationReport(QuarterInfo quarter, Long groupId, String groupName, Locale locale, OutputStream out) {
		String language = locale.toLanguageTag();
		MaturityModel model = catalog.current();
		List<String> aspectKeys = model.aspects().stream().map(MaturityModel.Aspect::key).toList();
		List<String> aspectNames = model.aspects().stream().map(a -> a.name().in(language)).toList();
		String title = groupName == null ? message("report.organisation.title", locale, quarter.label())
				: message("report.organisation.groupTitle", locale, groupName, quarter.label());
		PdfRenderer.Frame frame = new PdfRenderer.Frame(title, organisation(locale) + " · " + title,
				message("report.page", locale), language);
		Dashboards.Completion completion = dashboards.completion(quarter.id(), groupId);
		ReportCharts charts = new ReportCharts();
		if (completion.submitted() + completion.inProgress() == 0) {
			renderer.render(List.of(() -> nothing(locale, title, message("report.organisation.nothing", locale, quarter.label()))),
					charts, frame, out);
			return;
		}

		Map<String, Object> common = base(locale);
		common.put("title", title);
		common.put("aspectKeys", aspectKeys);
		common.put("aspectNames", aspectNames);
		Map<String, List<String>> levelTitles = new LinkedHashMap<>();
		model.aspects().forEach(aspect -> levelTitles.put(aspect.key(),
				aspect.levels().stream().map(level -> level.title().in(language)).toList()));
		common.put("levelTitles", levelTitles);

		List<Supplier<String>> parts = new ArrayList<>();
		parts.add(() -> summary(quarter, groupId, groupName, completion, model, aspectKeys, aspectNames, common, charts,
				locale));
		int size = properties.teamsPerPart();
		int teamParts = (int) ((completion.teams() + size - 1) / size);
		for (boolean heatmap : new boolean[] { true, false }) {
			for (int page = 0; page < teamParts; page++) {
				int part = page;
				parts.add(() -> {
					Map<String, Object> variables = new LinkedHashMap<>(common);
					variables.put("heatmap", heatmap);
					variables.put("first", part == 0);
					variables.put("rows", dashboards.teamsPage(quarter.id(), groupId, part, size));
					return html("report/organisation-teams", locale, variables);
				});
			}
		}
		renderer.render(parts, charts, frame, out);
	}

	private String summary(QuarterInfo quarter, Long groupId, String groupName, Dashboards.Completion completion,
			MaturityModel model, List<String> aspectKeys, List<String> aspectNames, Map<String, Object> common,
			ReportCharts charts, Locale locale) {
		String language = locale.toLanguageTag();
		List<Dashboards.Distribution> distributions = dashboards.distributions(quarter.id(), groupId, aspectKeys);
		Map<String, Map<String, BigDecimal>> trend = dashboards.medianTrend(groupId);
		List<String> trendLabels = List.copyOf(trend.keySet());
		Map<String, Object> variables = new LinkedHashMap<>(common);
		variables.put("quarter", quarter);
		variables.put("group", groupName);
		variables.put("modelName", model.name().in(language) + " (" + model.id() + ")");
		variables.put("completion", completion);
		variables.put("distributions", distributions);
		variables.put("medianRadar", charts.place(RadarChart.chart(new RadarChart.Spec("median",
				message("report.organisation.medianRadar", locale), message("report.organisation.medianRadarDescription", locale),
				aspectNames, 4, List.of(new Series(message("dashboard.median", locale),
						distributions.stream().map(Dashboards.Distribution::median).toList(), SeriesStyle.CURRENT)))),
				NARROW_CHART_WIDTH_MM));
		variables.put("trend", trend);
		variables.put("trendLabels", trendLabels);
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < aspectKeys.size(); i++) {
			String key = aspectKeys.get(i);
			series.add(new Series(aspectNames.get(i), trendLabels.stream().map(label -> trend.get(label).get(key)).toList(),
					SeriesStyle.forIndex(i)));
		}
		variables.put("trendChart", trendLabels.isEmpty() ? null : charts.place(LineChart.chart(new LineChart.Spec(
				"median-trend", message("dashboard.trends.medianTitle", locale),
				message("dashboard.trends.description", locale), trendLabels, BigDecimal.ONE, BigDecimal.valueOf(4),
				series)), CHART_WIDTH_MM));
		return html("report/organisation-summary", locale, variables);
	}

	private String nothing(Locale locale, String heading, String reason) {
		Map<String, Object> variables = base(locale);
		variables.put("heading", heading);
		variables.put("reason", reason);
		return html("report/nothing", locale, variables);
	}

	private Map<String, Object> base(Locale locale) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("language", locale.toLanguageTag());
		variables.put("organisation", organisation(locale));
		variables.put("generatedAt", ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
		return variables;
	}

	private String organisation(Locale locale) {
		return properties.organisation().isBlank() ? message("app.name", locale) : properties.organisation();
	}

	private String html(String template, Locale locale, Map<String, Object> variables) {
		return templates.process(template, new Context(locale, variables));
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
