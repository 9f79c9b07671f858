package dev.platformmaturity.system;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelView;
import dev.platformmaturity.team.Teams;

@Controller
class HomeController {

	private final ModelCatalog catalog;

	private final Teams teams;

	HomeController(ModelCatalog catalog, Teams teams) {
		this.catalog = catalog;
		this.teams = teams;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountUser user, Locale locale, Model page) {
		page.addAttribute("model", ModelView.of(catalog.current(), locale.toLanguageTag()));
		if (user != null) {
			page.addAttribute("myTeams", teams.teamsOf(user.personId()));
		}
		return "system/home";
	}

	@GetMapping("/about")
	String about(Locale locale, Model page) {
		var model = catalog.current();
		page.addAttribute("model", ModelView.of(model, locale.toLanguageTag()));
		page.addAttribute("sources", model.sources());
		page.addAttribute("translationNotes", model.translationNotes());
		return "system/about";
	}

}
