package dev.platformmaturity.system;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelView;

@Controller
class HomeController {

	private final ModelCatalog catalog;

	HomeController(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Locale locale, Model page) {
		page.addAttribute("model", ModelView.of(catalog.current(), locale.toLanguageTag()));
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
