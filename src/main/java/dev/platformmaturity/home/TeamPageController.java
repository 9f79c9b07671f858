package dev.platformmaturity.home;

import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.Overdue;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.QuarterState;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.team.TeamAccess;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * A team's page: its members, the open quarter's assessment and every earlier quarter.
 */
@Controller
class TeamPageController {

	private final Teams teams;

	private final Quarters quarters;

	private final TeamAccess access;

	private final Overdue overdue;

	TeamPageController(Teams teams, Quarters quarters, TeamAccess access, Overdue overdue) {
		this.teams = teams;
		this.quarters = quarters;
		this.access = access;
		this.overdue = overdue;
	}

	@GetMapping("/teams/{team}")
	String team(@PathVariable String team, Model page) {
		TeamRef ref = teams.team(team);
		page.addAttribute("team", ref);
		page.addAttribute("members", teams.members(team));
		var all = quarters.all().stream().filter(quarter -> quarter.state() != QuarterState.PLANNED).toList();
		var progress = quarters.progressOfTeam(ref.id());
		page.addAttribute("quarters", all);
		page.addAttribute("progress", progress);
		page.addAttribute("overdueQuarters",
				all.stream()
					.filter(quarter -> overdue.isOverdue(quarter,
							progress.containsKey(quarter.id()) ? progress.get(quarter.id()).status()
									: AssessmentStatus.NOT_STARTED))
					.map(QuarterInfo::id)
					.collect(Collectors.toSet()));
		page.addAttribute("canEdit", access.canEdit(team));
		return "home/team";
	}

}
