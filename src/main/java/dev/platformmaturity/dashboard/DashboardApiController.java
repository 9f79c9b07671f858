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

	/**
	 * @param scores final scores, or provisional ones too when the request asks for them
	 */
	record TeamJson(String slug, String name, String group, AssessmentStatus status, int answered, int reviewed,
			int carriedOver, int questions, boolean overdue, Instant lastActivity, Map<String, BigDecimal> scores) {
	}

	record DashboardJson(String quarter, String group, boolean provisional, Dashboards.Completion completion,
			List<TeamJson> teams) {
	}

	/**
	 * The heatmap and completion of a quarter (the open one when none is named), for a
	 * group or all teams; final scores only unless {@code provisional=true}.
	 */
	@GetMapping("/api/v1/dashboard")
	DashboardJson dashboard(@RequestParam(required = false) String quarter, @RequestParam(required = false) Long group,
			@RequestParam(defaultValue = "false") boolean provisional) {
		QuarterInfo shown = shownQuarter.get(quarter);
		String groupName = group == null ? null : teams.group(group).name();
		DashboardQuery query = DashboardQuery.of(shown.id(), null, group, provisional);
		List<TeamJson> rows = new ArrayList<>();
		dashboards
			.eachTeam(query,
					row -> rows.add(new TeamJson(row.slug(), row.name(), row.group(), row.status(), row.answered(),
							row.reviewed(), row.carriedOver(), row.questions(), row.overdue(), row.lastActivity(),
							row.scores())));
		return new DashboardJson(shown.label(), groupName, provisional, dashboards.completion(query), rows);
	}

}
