package dev.platformmaturity.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.shared.CsvExport;
import dev.platformmaturity.team.Teams;

/**
 * The dashboard's data as CSV for spreadsheets, streamed row by row through
 * {@link CsvExport} (byte-order mark, quoting, cells that could run as formulas
 * neutralised).
 */
@Controller
@RequestMapping("/dashboard")
class DashboardExportController {

	private final Dashboards dashboards;

	private final AnswerExport answers;

	private final ShownQuarter shownQuarter;

	private final Teams teams;

	private final ModelCatalog catalog;

	DashboardExportController(Dashboards dashboards, AnswerExport answers, ShownQuarter shownQuarter, Teams teams,
			ModelCatalog catalog) {
		this.dashboards = dashboards;
		this.answers = answers;
		this.shownQuarter = shownQuarter;
		this.teams = teams;
		this.catalog = catalog;
	}

	/**
	 * One row per team: status, answered, reviewed and carried-over answers of its
	 * questions, whether it is overdue, its scores and whether they are {@code final} or
	 * {@code provisional} (only final ones unless {@code provisional=true}; {@code none}
	 * without scores that count).
	 */
	@GetMapping("/heatmap.csv")
	void heatmap(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			@RequestParam(defaultValue = "false") boolean provisional, HttpServletResponse response)
			throws IOException {
		QuarterInfo shown = shownQuarter.get(quarter);
		if (group != null) {
			teams.group(group);
		}
		List<String> aspects = catalog.current().aspects().stream().map(MaturityModel.Aspect::key).toList();
		List<String> header = new ArrayList<>(
				List.of("team", "team_name", "group", "quarter", "status", "answered", "questions"));
		header.addAll(aspects);
		header.addAll(List.of("reviewed", "carried_over", "overdue", "figures"));
		String fileName = "platform-maturity_heatmap_" + shown.label() + ".csv";
		try (CsvExport csv = CsvExport.download(response, fileName, header)) {
			dashboards.eachTeam(DashboardQuery.of(shown.id(), null, group, provisional), row -> {
				List<Object> values = new ArrayList<>(List.of(row.slug(), row.name(), row.group(), shown.label(),
						row.status().name(), row.answered(), row.questions()));
				aspects.forEach(aspect -> values.add(row.scores().get(aspect)));
				values.addAll(List.of(row.reviewed(), row.carriedOver(), row.overdue(),
						row.scores().isEmpty() ? "none" : row.provisional() ? "provisional" : "final"));
				csv.row(values);
			});
		}
	}

	@GetMapping("/answers.csv")
	void answers(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			HttpServletResponse response) throws IOException {
		QuarterInfo shown = shownQuarter.get(quarter);
		if (group != null) {
			teams.group(group);
		}
		try (CsvExport csv = CsvExport.download(response, "platform-maturity_answers_" + shown.label() + ".csv",
				List.of("team", "team_name", "group", "quarter", "aspect", "question", "option_level", "not_applicable",
						"comment", "answered_by", "answered_at"))) {
			answers.each(shown.id(), group, csv::row);
		}
	}

}
