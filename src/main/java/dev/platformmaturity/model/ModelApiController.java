package dev.platformmaturity.model;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/model")
class ModelApiController {

	private final ModelCatalog catalog;

	private final MessageSource messages;

	ModelApiController(ModelCatalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	/**
	 * The current model in {@code lang} (any language of the model), else in the caller's
	 * interface language.
	 */
	@GetMapping
	ModelView currentModel(@RequestParam(name = "lang", required = false) String language, Locale locale) {
		MaturityModel model = catalog.current();
		String chosen = language != null ? language : locale.toLanguageTag();
		if (!model.languages().contains(chosen)) {
			throw new UnsupportedLanguageException(chosen, model);
		}
		return catalog.view(model, chosen);
	}

	@ExceptionHandler
	ProblemDetail unsupportedLanguage(UnsupportedLanguageException unsupported, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("api.model.unsupportedLanguage",
						new Object[] { unsupported.language, String.join(", ", unsupported.model.languages()) },
						locale));
		problem.setTitle(messages.getMessage("api.error.badRequest", null, locale));
		problem.setProperty("supportedLanguages", unsupported.model.languages());
		return problem;
	}

	static class UnsupportedLanguageException extends RuntimeException {

		private final String language;

		private final MaturityModel model;

		UnsupportedLanguageException(String language, MaturityModel model) {
			super("Unsupported language " + language);
			this.language = language;
			this.model = model;
		}

	}

}
