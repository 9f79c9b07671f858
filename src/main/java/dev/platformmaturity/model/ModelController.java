package dev.platformmaturity.model;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ModelController {

	private final ModelCatalog catalog;

	ModelController(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/model")
	String model(Locale locale, Model page) {
		MaturityModel model = catalog.current();
		page.addAttribute("model", catalog.view(model, locale.toLanguageTag()));
		page.addAttribute("stages",
				model.stages().stream().map(stage -> stage.name().in(locale.toLanguageTag())).toList());
		return "model/model";
	}

}
