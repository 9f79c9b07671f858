package dev.platformmaturity.home;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.Overdue;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.team.TeamSummary;
import dev.platformmaturity.team.Teams;

@Controller
class HomeController {

	private final ModelCatalog catalog;

	private final Teams teams;

	private final Quarters quarters;

	private final Overdue overdue;

	HomeController(ModelCatalog catalog, Teams teams, Quarters quarters, Overdue overdue) {
		this.catalog = catalog;
		this.teams = teams;
		this.quarters = quarters;
		this.overdue = overdue;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser user, Locale locale, Model page) {
		page.addAttribute("model", catalog.view(catalog.current(), locale.toLanguageTag()));
		if (user != null) {
			var myTeams = teams.teamsOf(user.personId());
			page.addAttribute("myTeams", myTeams);
			quarters.open().ifPresent(open -> {
				var progress = quarters.progress(open.id(), myTeams.stream().map(TeamSummary::id).toList());
				Set<Long> overdueTeams = myTeams.stream()
					.map(TeamSummary::id)
					.filter(team -> overdue.isOverdue(open,
							progress.containsKey(team) ? progress.get(team).status() : AssessmentStatus.NOT_STARTED))
					.collect(Collectors.toSet());
				page.addAttribute("openQuarter", open);
				page.addAttribute("pastDue", overdue.isPastDue(open));
				page.addAttribute("progress", progress);
				page.addAttribute("overdueTeams", overdueTeams);
			});
		}
		return "home/home";
	}

	@GetMapping("/about")
	String about(Locale locale, Model page) {
		var model = catalog.current();
		page.addAttribute("model", catalog.view(model, locale.toLanguageTag()));
		page.addAttribute("sources", model.sources());
		page.addAttribute("translationNotes", model.translationNotes());
		return "home/about";
	}

}
