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

import dev.platformmaturity.action.ActionFigures;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.TeamResults;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;
import dev.platformmaturity.chart.TrendSeries;
import dev.platformmaturity.dashboard.DashboardQuery;
import dev.platformmaturity.dashboard.Dashboards;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;

/**
 * The two PDF reports. The team report: one team's quarter, with the same results and
 * charts as its page. The organisation report: a quarter across all teams (or a group),
 * written a part at a time — key findings and summary, heatmap rows, one block per team —
 * so that its memory does not grow with the number of teams.
 */
@Service
public class Reports {

	/** Charts are drawn at their own size up to this width, as the SVG charts were. */
	private static final double CHART_WIDTH_MM = 150;

	/**
	 * Team blocks side by side on a landscape page; their heading stays with the first
	 * row.
	 */
	private static final int TEAMS_PER_ROW = 3;

	/**
	 * The organisation's median radar and trend side by side on a landscape page, low
	 * enough to leave room.
	 */
	private static final double HALF_CHART_WIDTH_MM = 95;

	private final TeamResults results;

	private final Dashboards dashboards;

	private final ModelCatalog catalog;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final PdfRenderer renderer;

	private final ReportProperties properties;

	private final ActionFigures actionFigures;

	private final KeyFindings findings;

	Reports(TeamResults results, Dashboards dashboards, ModelCatalog catalog, TemplateEngine templates,
			MessageSource messages, PdfRenderer renderer, ReportProperties properties, ActionFigures actionFigures,
			KeyFindings findings) {
		this.results = results;
		this.dashboards = dashboards;
		this.catalog = catalog;
		this.templates = templates;
		this.messages = messages;
		this.renderer = renderer;
		this.properties = properties;
		this.actionFigures = actionFigures;
		this.findings = findings;
	}

	/**
	 * The team's report for the quarter; a one-page "nothing to report" when the team has
	 * not started.
	 */
	public void teamReport(String team, String quarter, Locale locale, OutputStream out) {
		String language = locale.toLanguageTag();
		TeamResults.View view = results.results(team, quarter, language);
		String heading = message("report.team.heading", locale, view.state().team().name());
		PdfRenderer.Frame frame = new PdfRenderer.Frame(
				message("report.team.title", locale, view.state().team().name(), view.state().quarter().label()),
				organisation(locale) + " · " + heading + " · " + view.state().quarter().label(),
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
		variables.put("plan", view.plan());
		renderer.render(List.of(() -> html("report/team", locale, variables)), charts, frame, out);
	}

	/**
	 * The organisation's report for the quarter (a group's, when given): key findings,
	 * distribution, the median team, the median over the quarters, the heatmap and one
	 * block per team, on landscape pages so that every aspect column of the heatmap fits.
	 * Rendered in parts of at most {@code teamsPerPart} teams; the sections flow within a
	 * part, so a small organisation gets one part and no half-empty pages. Figures across
	 * teams are final (submitted assessments) unless {@code provisional}, as on the
	 * dashboard.
	 */
	public void organisationReport(QuarterInfo quarter, Long groupId, String groupName, boolean provisional,
			Locale locale, OutputStream out) {
		String language = locale.toLanguageTag();
		MaturityModel model = catalog.current();
		List<String> aspectKeys = model.aspects().stream().map(MaturityModel.Aspect::key).toList();
		List<String> aspectNames = model.aspects().stream().map(a -> a.name().in(language)).toList();
		String title = groupName == null ? message("report.organisation.title", locale, quarter.label())
				: message("report.organisation.groupTitle", locale, groupName, quarter.label());
		PdfRenderer.Frame frame = new PdfRenderer.Frame(title, organisation(locale) + " · " + title,
				message("report.page", locale), language, true);
		DashboardQuery query = DashboardQuery.of(quarter.id(), null, groupId, provisional);
		Dashboards.Completion completion = dashboards.completion(query);
		ReportCharts charts = new ReportCharts();
		if (completion.submitted() + completion.inProgress() == 0) {
			renderer.render(List
				.of(() -> nothing(locale, title, message("report.organisation.nothing", locale, quarter.label()))),
					charts, frame, out);
			return;
		}

		Map<String, Object> common = base(locale);
		common.put("title", title);
		common.put("group", groupName);
		common.put("provisional", provisional);
		common.put("aspectKeys", aspectKeys);
		common.put("aspectNames", aspectNames);
		Map<String, List<String>> levelTitles = new LinkedHashMap<>();
		model.aspects()
			.forEach(aspect -> levelTitles.put(aspect.key(),
					aspect.levels().stream().map(level -> level.title().in(language)).toList()));
		common.put("levelTitles", levelTitles);

		List<Supplier<String>> parts = new ArrayList<>();
		for (List<Section> part : sections(completion.teams())) {
			parts.add(() -> {
				Map<String, Object> variables = new LinkedHashMap<>(common);
				boolean summary = part.get(0).kind() == Section.Kind.SUMMARY;
				variables.put("summary", summary);
				if (summary) {
					summary(quarter, query, completion, model, aspectKeys, aspectNames, variables, charts, locale);
				}
				List<Dashboards.TeamRow> heatmapRows = new ArrayList<>();
				List<Dashboards.TeamRow> teamRows = new ArrayList<>();
				for (Section section : part) {
					if (section.kind() != Section.Kind.SUMMARY) {
						(section.kind() == Section.Kind.HEATMAP ? heatmapRows : teamRows)
							.addAll(dashboards.teamsPage(query, section.page(), section.size()));
					}
				}
				variables.put("heatmapRows", heatmapRows);
				variables.put("heatmapFirst", part.contains(new Section(Section.Kind.HEATMAP, 0, sliceSize())));
				int lead = part.contains(new Section(Section.Kind.TEAMS, 0, sliceSize()))
						? Math.min(TEAMS_PER_ROW, teamRows.size()) : 0;
				variables.put("teamsLead", teamRows.subList(0, lead));
				variables.put("teamsRest", teamRows.subList(lead, teamRows.size()));
				return html("report/organisation", locale, variables);
			});
		}
		renderer.render(parts, charts, frame, out);
	}

	/**
	 * A page of {@code size} teams of the heatmap or of the team blocks, or the summary.
	 */
	record Section(Kind kind, int page, int size) {

		enum Kind {

			SUMMARY, HEATMAP, TEAMS

		}

	}

	/**
	 * Teams are read in slices of half a part, so the end of the heatmap and the start of
	 * the teams can share one.
	 */
	private int sliceSize() {
		return Math.max(1, (properties.teamsPerPart() + 1) / 2);
	}

	/**
	 * The sections in order (summary, heatmap slices, team slices) packed into parts of
	 * at most {@code teamsPerPart} teams.
	 */
	List<List<Section>> sections(long teams) {
		int slice = sliceSize();
		int slices = (int) ((teams + slice - 1) / slice);
		List<List<Section>> parts = new ArrayList<>();
		List<Section> part = new ArrayList<>(List.of(new Section(Section.Kind.SUMMARY, 0, slice)));
		long held = 0;
		for (Section.Kind kind : new Section.Kind[] { Section.Kind.HEATMAP, Section.Kind.TEAMS }) {
			for (int page = 0; page < slices; page++) {
				long rows = Math.min(slice, teams - (long) page * slice);
				if (held + rows > properties.teamsPerPart()) {
					parts.add(part);
					part = new ArrayList<>();
					held = 0;
				}
				part.add(new Section(kind, page, slice));
				held += rows;
			}
		}
		parts.add(part);
		return parts;
	}

	private void summary(QuarterInfo quarter, DashboardQuery query, Dashboards.Completion completion,
			MaturityModel model, List<String> aspectKeys, List<String> aspectNames, Map<String, Object> variables,
			ReportCharts charts, Locale locale) {
		String language = locale.toLanguageTag();
		List<Dashboards.Distribution> distributions = dashboards.distributions(query, aspectKeys);
		Map<String, Map<String, BigDecimal>> trend = dashboards.trend(query.groupId(), query.provisional()).values();
		List<String> trendLabels = List.copyOf(trend.keySet());
		variables.put("quarter", quarter);
		variables.put("modelName", model.name().in(language) + " (" + model.id() + ")");
		variables.put("findings",
				findings.of(quarter, query, completion, distributions, aspectKeys, aspectNames, locale));
		variables.put("distributions", distributions);
		variables.put("medianTeams", distributions.stream().map(KeyFindings::scored).toList());
		variables.put("medianRadar", charts.place(RadarChart.chart(new RadarChart.Spec("median",
				message("report.organisation.medianRadar", locale),
				message("report.organisation.medianRadarDescription", locale), aspectNames, 4,
				List.of(new Series(message("dashboard.median", locale),
						distributions.stream().map(Dashboards.Distribution::median).toList(), SeriesStyle.CURRENT)))),
				HALF_CHART_WIDTH_MM));
		variables.put("trend", trend);
		variables.put("trendLabels", trendLabels);
		Map<String, String> quarters = new LinkedHashMap<>();
		trendLabels.forEach(label -> quarters.put(label, label));
		Map<String, String> aspects = new LinkedHashMap<>();
		for (int i = 0; i < aspectKeys.size(); i++) {
			aspects.put(aspectKeys.get(i), aspectNames.get(i));
		}
		variables.put("trendChart",
				trendLabels.isEmpty() ? null
						: charts.place(LineChart
							.chart(TrendSeries.spec("median-trend", message("dashboard.trends.medianTitle", locale),
									message("dashboard.trends.description", locale), quarters, aspects,
									(label, aspect) -> trend.get(label).get(aspect))),
								HALF_CHART_WIDTH_MM));
		variables.put("actionSummary", actionFigures.byAspectAndStatus(query.groupId(), language));
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
		variables.put("generatedAt",
				ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
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
