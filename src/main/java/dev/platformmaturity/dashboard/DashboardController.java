package dev.platformmaturity.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.platformmaturity.action.ActionFigures;
import dev.platformmaturity.assessment.AssessmentSnapshot;
import dev.platformmaturity.assessment.Assessments;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.QuarterState;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.chart.BoxPlot;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.RadarChart.TextSize;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;
import dev.platformmaturity.chart.TrendSeries;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.shared.PageNumbers;
import dev.platformmaturity.shared.SearchTerms;
import dev.platformmaturity.team.GroupInfo;
import dev.platformmaturity.team.TeamNotFoundException;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * The platform leads' dashboard: completion and heatmap of a quarter, comparing teams,
 * and trends.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

	static final int PAGE_SIZE = 50;

	private final Dashboards dashboards;

	private final Quarters quarters;

	private final Teams teams;

	private final Assessments assessments;

	private final ModelCatalog catalog;

	private final MessageSource messages;

	private final ShownQuarter shownQuarter;

	private final ActionFigures actionFigures;

	DashboardController(Dashboards dashboards, Quarters quarters, Teams teams, Assessments assessments,
			ModelCatalog catalog, MessageSource messages, ShownQuarter shownQuarter, ActionFigures actionFigures) {
		this.dashboards = dashboards;
		this.quarters = quarters;
		this.teams = teams;
		this.assessments = assessments;
		this.catalog = catalog;
		this.messages = messages;
		this.shownQuarter = shownQuarter;
		this.actionFigures = actionFigures;
	}

	@GetMapping
	String overview(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(defaultValue = "team") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean provisional,
			@RequestParam(defaultValue = "false") boolean overdue, Locale locale, Model model) {
		List<QuarterInfo> all = quarters.all();
		Optional<QuarterInfo> found = ShownQuarter.find(quarter, all);
		if (found.isEmpty()) {
			return "dashboard/no-quarter";
		}
		QuarterInfo shown = found.get();
		List<QuarterInfo> opened = all.stream().filter(q -> q.state() != QuarterState.PLANNED).toList();
		Optional<QuarterInfo> previous = ShownQuarter.previous(shown, opened);
		List<GroupInfo> groups = teams.groups();
		GroupInfo groupInfo = group == null ? null
				: groups.stream().filter(g -> g.id() == group).findFirst().orElseGet(() -> teams.group(group));
		MaturityModel maturityModel = catalog.current();
		List<String> aspectKeys = maturityModel.aspects().stream().map(MaturityModel.Aspect::key).toList();
		int pageNumber = PageNumbers.readable(page, PAGE_SIZE);
		DashboardQuery query = new DashboardQuery(shown.id(), previous.map(QuarterInfo::id).orElse(null), group,
				SearchTerms.likePattern(search), provisional, overdue, sort, "desc".equals(dir), pageNumber, PAGE_SIZE);
		Dashboards.Overview overview = dashboards.overview(query, aspectKeys);
		int lastPage = PageNumbers.last(overview.matchingTeams(), PAGE_SIZE);
		if (pageNumber > lastPage) {
			pageNumber = lastPage;
			overview = dashboards.overview(query.page(pageNumber, PAGE_SIZE), aspectKeys);
		}
		List<AspectHeading> aspects = aspects(maturityModel, locale);
		model.addAttribute("quarter", shown);
		model.addAttribute("previousQuarter", previous.orElse(null));
		model.addAttribute("quarters", opened);
		model.addAttribute("group", groupInfo);
		model.addAttribute("groups", groups);
		model.addAttribute("q", search);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		model.addAttribute("provisional", provisional);
		model.addAttribute("overdue", overdue);
		model.addAttribute("overview", overview);
		model.addAttribute("page",
				new PageImpl<>(overview.teams(), PageRequest.of(pageNumber, PAGE_SIZE), overview.matchingTeams()));
		model.addAttribute("aspects", aspects);
		Map<String, String> aspectNames = new LinkedHashMap<>();
		aspects.forEach(aspect -> aspectNames.put(aspect.key(), aspect.name()));
		model.addAttribute("aspectNames", aspectNames);
		model.addAttribute("spreads", spreads(overview.distributions(), aspects, locale));
		model.addAttribute("actionFigures", actionFigures
			.dashboard(overview.teams().stream().map(Dashboards.TeamRow::id).toList(), group, locale.toLanguageTag()));
		return "dashboard/overview";
	}

	/** Per aspect key, the small box plot of its distribution. */
	private Map<String, String> spreads(List<Dashboards.Distribution> distributions, List<AspectHeading> aspects,
			Locale locale) {
		Map<String, String> spreads = new LinkedHashMap<>();
		for (int i = 0; i < aspects.size(); i++) {
			Dashboards.Distribution d = distributions.get(i);
			String title = messages.getMessage("dashboard.spread.title",
					new Object[] { aspects.get(i).name(), d.scored() }, locale);
			String description = d.median() == null ? messages.getMessage("dashboard.spread.none", null, locale)
					: messages.getMessage("dashboard.spread.description", new Object[] { plain(d.min()),
							plain(d.lowerQuartile()), plain(d.median()), plain(d.upperQuartile()), plain(d.max()) },
							locale);
			spreads.put(d.aspect(), BoxPlot.svg(new BoxPlot.Spec("spread-" + d.aspect(), title, description, d.min(),
					d.lowerQuartile(), d.median(), d.upperQuartile(), d.max())));
		}
		return spreads;
	}

	private static String plain(BigDecimal value) {
		return value == null ? "–" : value.toPlainString();
	}

	/**
	 * Two to four teams side by side, with the organisation's final median as a
	 * reference. Teams are added by slug ({@code add}) and removed by links without them,
	 * so the page works without script.
	 */
	@GetMapping("/compare")
	String compare(@RequestParam(required = false) String quarter,
			@RequestParam(name = "team", required = false) List<String> team,
			@RequestParam(required = false) String add, Locale locale, Model model, HttpServletResponse response) {
		QuarterInfo shown = shownQuarter.get(quarter);
		LinkedHashSet<String> chosen = team == null ? new LinkedHashSet<>() : new LinkedHashSet<>(team);
		model.addAttribute("quarter", shown);
		model.addAttribute("quarters", quarters.all().stream().filter(q -> q.state() != QuarterState.PLANNED).toList());
		model.addAttribute("add", "");
		if (add != null && !add.isBlank()) {
			String slug = add.strip().toLowerCase(Locale.ROOT);
			try {
				chosen.add(teams.team(slug).slug());
			}
			catch (TeamNotFoundException unknown) {
				model.addAttribute("add", add);
				model.addAttribute("addProblem",
						messages.getMessage("dashboard.compare.unknownTeam", new Object[] { add.strip() }, locale));
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
		}
		List<TeamRef> chosenTeams = chosen.stream().map(teams::team).toList();
		model.addAttribute("chosen", chosenTeams);
		Map<String, List<String>> without = new LinkedHashMap<>();
		chosen.forEach(slug -> without.put(slug, chosen.stream().filter(other -> !other.equals(slug)).toList()));
		model.addAttribute("without", without);
		if (chosen.size() < 2 || chosen.size() > 4) {
			model.addAttribute("problem",
					messages.getMessage("dashboard.compare.count", new Object[] { chosen.size() }, locale));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "dashboard/compare";
		}
		MaturityModel maturityModel = catalog.current();
		List<String> aspectKeys = maturityModel.aspects().stream().map(MaturityModel.Aspect::key).toList();
		List<AssessmentSnapshot> states = chosenTeams.stream()
			.map(one -> assessments.state(one.slug(), shown.label()))
			.toList();
		List<Dashboards.Distribution> organisation = dashboards
			.distributions(DashboardQuery.of(shown.id(), null, null, false), aspectKeys);
		List<Series> series = new ArrayList<>();
		series.add(new Series(messages.getMessage("dashboard.compare.organisationMedian", null, locale),
				organisation.stream().map(Dashboards.Distribution::median).toList(), SeriesStyle.PREVIOUS));
		for (int i = 0; i < states.size(); i++) {
			Map<String, Optional<BigDecimal>> scores = states.get(i).scores();
			series.add(new Series(states.get(i).team().name(),
					aspectKeys.stream().map(key -> scores.get(key).orElse(null)).toList(), SeriesStyle.forIndex(i)));
		}
		List<String> aspectNames = maturityModel.aspects()
			.stream()
			.map(a -> a.name().in(locale.toLanguageTag()))
			.toList();
		model.addAttribute("states", states);
		model.addAttribute("organisation", organisation);
		model.addAttribute("aspects", aspects(maturityModel, locale));
		String title = messages.getMessage("dashboard.compare.title", new Object[] { shown.label() }, locale);
		String description = messages.getMessage("dashboard.compare.description", null, locale);
		model.addAttribute("radar",
				RadarChart.svg(new RadarChart.Spec("compare", title, description, aspectNames, 4, series)));
		model.addAttribute("radarLargeText", RadarChart
			.svg(new RadarChart.Spec("compare-large", title, description, aspectNames, 4, series), TextSize.LARGE));
		return "dashboard/compare";
	}

	@GetMapping("/trends")
	String trends(@RequestParam(required = false) String team, @RequestParam(required = false) Long group,
			@RequestParam(defaultValue = "false") boolean provisional, Locale locale, Model model) {
		MaturityModel maturityModel = catalog.current();
		String language = locale.toLanguageTag();
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		if (team != null) {
			List<AssessmentSnapshot> history = new ArrayList<>(assessments.history(team, null));
			Collections.reverse(history);
			for (AssessmentSnapshot state : history) {
				Map<String, BigDecimal> scores = new LinkedHashMap<>();
				state.scores().forEach((aspect, score) -> scores.put(aspect, score.orElse(null)));
				labels.put(state.quarter().label(), state.quarter().label());
				values.put(state.quarter().label(), scores);
			}
			model.addAttribute("team", teams.team(team));
		}
		else {
			GroupInfo groupInfo = group == null ? null : teams.group(group);
			Dashboards.Trend trend = dashboards.trend(group, provisional);
			for (String label : trend.labels()) {
				labels.put(label, label.equals(trend.openLabel())
						? messages.getMessage("dashboard.trends.partial", new Object[] { label }, locale) : label);
				values.put(label, trend.values().get(label));
				Map<String, Long> teamsPerAspect = new LinkedHashMap<>();
				trend.medians().get(label).forEach((aspect, median) -> teamsPerAspect.put(aspect, median.teams()));
				counts.put(label, teamsPerAspect);
			}
			model.addAttribute("group", groupInfo);
			model.addAttribute("groups", teams.groups());
			model.addAttribute("provisional", provisional);
		}
		Map<String, String> aspectNames = new LinkedHashMap<>();
		maturityModel.aspects().forEach(aspect -> aspectNames.put(aspect.key(), aspect.name().in(language)));
		model.addAttribute("labels", labels);
		model.addAttribute("values", values);
		model.addAttribute("counts", counts);
		model.addAttribute("aspects", aspects(maturityModel, locale));
		model.addAttribute("chart", labels.isEmpty() ? null : LineChart.svg(TrendSeries.spec("trend",
				messages.getMessage(team != null ? "dashboard.trends.teamTitle" : "dashboard.trends.medianTitle", null,
						locale),
				messages.getMessage("dashboard.trends.description", null, locale), labels, aspectNames,
				(label, aspect) -> values.get(label).get(aspect))));
		return "dashboard/trends";
	}

	record AspectHeading(String key, String name) {
	}

	static List<AspectHeading> aspects(MaturityModel model, Locale locale) {
		return model.aspects()
			.stream()
			.map(a -> new AspectHeading(a.key(), a.name().in(locale.toLanguageTag())))
			.toList();
	}

}
