package dev.platformmaturity.team;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.account.AccountUser;

@RestController
@RequestMapping("/api/v1/teams")
class TeamApiController {

	private final Teams teams;

	TeamApiController(Teams teams) {
		this.teams = teams;
	}

	/** The teams the caller may see. */
	@GetMapping
	List<TeamJson> teams(@AuthenticationPrincipal AccountUser user) {
		return teams.visibleTeams(user).stream().map(TeamJson::of).toList();
	}

	@GetMapping("/{team}")
	TeamJson team(@PathVariable String team) {
		TeamRef ref = teams.team(team);
		return new TeamJson(ref.slug(), ref.name(), ref.groupName(), teams.members(team).size());
	}

	record TeamJson(String slug, String name, String group, long memberCount) {

		static TeamJson of(TeamSummary team) {
			return new TeamJson(team.slug(), team.name(), team.groupName(), team.memberCount());
		}

	}

}
