package dev.platformmaturity.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.team.Teams;

@RestController
class DashboardApiController {

	private final Dashboards dashboards;

	private final ShownQuarter shownQuarter;

	private final Teams teams;

	DashboardApiController(Dashboards dashboards, ShownQuarter shownQuarter, Teams teams) {
		this.dashboards = dashboards;
		this.shownQuarter = shownQuarter;
		this.teams = teams;
	}

	record TeamJson(String slug, String name, String group, AssessmentStatus status, int answered, int questions,
			Instant lastActivity, Map<String, BigDecimal> scores) {
	}

	record DashboardJson(String quarter, String group, Dashboards.Completion completion, List<TeamJson> teams) {
	}

	/** The heatmap and completion of a quarter (the open one when none is named), for a group or all teams. */
	@GetMapping("/api/v1/dashboard")
	DashboardJson dashboard(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group) {
		QuarterInfo shown = shownQuarter.get(quarter);
		String groupName = group == null ? null : teams.group(group).name();
		List<TeamJson> rows = new ArrayList<>();
		dashboards.eachTeam(shown.id(), group, row -> rows.add(new TeamJson(row.slug(), row.name(), row.group(),
				row.status(), row.answered(), row.questions(), row.lastActivity(), row.scores())));
		return new DashboardJson(shown.label(), groupName, dashboards.completion(shown.id(), group), rows);
	}

}
