package dev.platformmaturity.team;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.platformmaturity.account.AccountUser;

@Controller
class TeamController {

	private final Teams teams;

	TeamController(Teams teams) {
		this.teams = teams;
	}

	@GetMapping("/teams")
	String teams(@AuthenticationPrincipal AccountUser user, Model page) {
		page.addAttribute("teams", teams.visibleTeams(user));
		return "team/teams";
	}

}
