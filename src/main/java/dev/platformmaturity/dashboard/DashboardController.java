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

import dev.platformmaturity.assessment.AssessmentState;
import dev.platformmaturity.assessment.Assessments;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.QuarterState;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.shared.PageNumbers;
import dev.platformmaturity.shared.SearchTerms;
import dev.platformmaturity.team.GroupInfo;
import dev.platformmaturity.team.Teams;

/** The platform leads' dashboard: completion and heatmap of a quarter, comparing teams, and trends. */
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

	DashboardController(Dashboards dashboards, Quarters quarters, Teams teams, Assessments assessments,
			ModelCatalog catalog, MessageSource messages, ShownQuarter shownQuarter) {
		this.dashboards = dashboards;
		this.quarters = quarters;
		this.teams = teams;
		this.assessments = assessments;
		this.catalog = catalog;
		this.messages = messages;
		this.shownQuarter = shownQuarter;
	}

	@GetMapping
	String overview(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			@RequestParam(name = "q", defaultValue = "") String search,
			@RequestParam(defaultValue = "team") String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		if (shownQuarter.find(quarter).isEmpty()) {
			return "dashboard/no-quarter";
		}
		QuarterInfo shown = shownQuarter.get(quarter);
		GroupInfo groupInfo = group == null ? null : teams.group(group);
		MaturityModel maturityModel = catalog.current();
		List<String> aspectKeys = maturityModel.aspects().stream().map(MaturityModel.Aspect::key).toList();
		int pageNumber = PageNumbers.readable(page, PAGE_SIZE);
		Dashboards.Overview overview = dashboards.overview(shown.id(), group, SearchTerms.likePattern(search), sort,
				"desc".equals(dir), pageNumber, PAGE_SIZE, aspectKeys);
		int lastPage = PageNumbers.last(overview.completion().teams(), PAGE_SIZE);
		if (pageNumber > lastPage) {
			pageNumber = lastPage;
			overview = dashboards.overview(shown.id(), group, SearchTerms.likePattern(search), sort, "desc".equals(dir),
					pageNumber, PAGE_SIZE, aspectKeys);
		}
		model.addAttribute("quarter", shown);
		model.addAttribute("quarters", quarters.all().stream().filter(q -> q.state() != QuarterState.PLANNED).toList());
		model.addAttribute("group", groupInfo);
		model.addAttribute("groups", teams.groups());
		model.addAttribute("q", search);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		model.addAttribute("overview", overview);
		model.addAttribute("page", new PageImpl<>(overview.teams(), PageRequest.of(pageNumber, PAGE_SIZE),
				overview.matchingTeams()));
		model.addAttribute("aspects", aspects(maturityModel, locale));
		return "dashboard/overview";
	}

	@GetMapping("/compare")
	String compare(@RequestParam(required = false) String quarter, @RequestParam(name = "team", required = false) List<String> team,
			Locale locale, Model model, HttpServletResponse response) {
		QuarterInfo shown = shownQuarter.get(quarter);
		List<String> chosen = team == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(team));
		model.addAttribute("quarter", shown);
		if (chosen.size() < 2 || chosen.size() > 4) {
			model.addAttribute("problem", messages.getMessage("dashboard.compare.count", new Object[] { chosen.size() }, locale));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "dashboard/compare";
		}
		MaturityModel maturityModel = catalog.current();
		List<AssessmentState> states = chosen.stream().map(slug -> assessments.state(slug, shown.label())).toList();
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			Map<String, Optional<BigDecimal>> scores = states.get(i).scores();
			series.add(new Series(states.get(i).team().name(),
					maturityModel.aspects().stream().map(a -> scores.get(a.key()).orElse(null)).toList(), SeriesStyle.forIndex(i)));
		}
		List<String> aspectNames = maturityModel.aspects().stream().map(a -> a.name().in(locale.toLanguageTag())).toList();
		model.addAttribute("states", states);
		model.addAttribute("aspects", aspects(maturityModel, locale));
		model.addAttribute("radar", RadarChart.svg(new RadarChart.Spec("compare",
				messages.getMessage("dashboard.compare.title", new Object[] { shown.label() }, locale),
				messages.getMessage("dashboard.compare.description", null, locale), aspectNames, 4, series)));
		return "dashboard/compare";
	}

	@GetMapping("/trends")
	String trends(@RequestParam(required = false) String team, @RequestParam(required = false) Long group, Locale locale,
			Model model) {
		MaturityModel maturityModel = catalog.current();
		String language = locale.toLanguageTag();
		List<String> labels;
		Map<String, List<BigDecimal>> perAspect = new LinkedHashMap<>();
		if (team != null) {
			List<AssessmentState> history = new ArrayList<>(assessments.history(team, null));
			Collections.reverse(history);
			labels = history.stream().map(state -> state.quarter().label()).toList();
			for (MaturityModel.Aspect aspect : maturityModel.aspects()) {
				perAspect.put(aspect.key(), history.stream().map(state -> state.scores().get(aspect.key()).orElse(null)).toList());
			}
			model.addAttribute("team", teams.team(team));
		}
		else {
			GroupInfo groupInfo = group == null ? null : teams.group(group);
			Map<String, Map<String, BigDecimal>> medians = dashboards.medianTrend(group);
			labels = List.copyOf(medians.keySet());
			for (MaturityModel.Aspect aspect : maturityModel.aspects()) {
				perAspect.put(aspect.key(), labels.stream().map(label -> medians.get(label).get(aspect.key())).toList());
			}
			model.addAttribute("group", groupInfo);
			model.addAttribute("groups", teams.groups());
		}
		List<Series> series = new ArrayList<>();
		int index = 0;
		for (MaturityModel.Aspect aspect : maturityModel.aspects()) {
			series.add(new Series(aspect.name().in(language), perAspect.get(aspect.key()), SeriesStyle.forIndex(index++)));
		}
		model.addAttribute("labels", labels);
		model.addAttribute("perAspect", perAspect);
		model.addAttribute("aspects", aspects(maturityModel, locale));
		model.addAttribute("chart", labels.isEmpty() ? null : LineChart.svg(new LineChart.Spec("trend",
				messages.getMessage(team != null ? "dashboard.trends.teamTitle" : "dashboard.trends.medianTitle", null, locale),
				messages.getMessage("dashboard.trends.description", null, locale), labels, BigDecimal.ONE,
				BigDecimal.valueOf(4), series)));
		return "dashboard/trends";
	}


	record AspectHeading(String key, String name) {
	}

	static List<AspectHeading> aspects(MaturityModel model, Locale locale) {
		return model.aspects().stream().map(a -> new AspectHeading(a.key(), a.name().in(locale.toLanguageTag()))).toList();
	}


}
