package dev.platformmaturity.system;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.team.TeamSummary;
import dev.platformmaturity.team.Teams;

@Controller
class HomeController {

	private final ModelCatalog catalog;

	private final Teams teams;

	private final Quarters quarters;

	HomeController(ModelCatalog catalog, Teams teams, Quarters quarters) {
		this.catalog = catalog;
		this.teams = teams;
		this.quarters = quarters;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser user, Locale locale, Model page) {
		page.addAttribute("model", catalog.view(catalog.current(), locale.toLanguageTag()));
		if (user != null) {
			var myTeams = teams.teamsOf(user.personId());
			page.addAttribute("myTeams", myTeams);
			quarters.open().ifPresent(open -> {
				page.addAttribute("openQuarter", open);
				page.addAttribute("progress", quarters.progress(open.id(), myTeams.stream().map(TeamSummary::id).toList()));
			});
		}
		return "system/home";
	}

	@GetMapping("/about")
	String about(Locale locale, Model page) {
		var model = catalog.current();
		page.addAttribute("model", catalog.view(model, locale.toLanguageTag()));
		page.addAttribute("sources", model.sources());
		page.addAttribute("translationNotes", model.translationNotes());
		return "system/about";
	}

}
