package dev.platformmaturity.model;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A model version in one language, ready for a page or the JSON API. Texts a language
 * lacks fall back to English.
 */
public record ModelView(String version, String name, String language, @JsonIgnore List<IntroSectionView> introduction,
		List<AspectView> aspects) {

	static ModelView of(MaturityModel model, String language) {
		return new ModelView(model.id(), model.name().in(language), language,
				model.introduction()
					.stream()
					.map(section -> new IntroSectionView(section.heading().in(language),
							section.paragraphs().stream().map(paragraph -> paragraph.in(language)).toList()))
					.toList(),
				model.aspects().stream().map(aspect -> AspectView.of(model, aspect, language)).toList());
	}

	public record IntroSectionView(String heading, List<String> paragraphs) {
	}

	public record AspectView(String key, String name, String question, String description, List<LevelView> levels,
			List<QuestionView> questions) {

		static AspectView of(MaturityModel model, MaturityModel.Aspect aspect, String language) {
			return new AspectView(aspect.key(), aspect.name().in(language), aspect.question().in(language),
					aspect.description().in(language),
					aspect.levels()
						.stream()
						.map(level -> new LevelView(level.number(), model.stageName(level.number()).in(language),
								level.title().in(language), level.description().in(language),
								level.characteristics()
									.stream()
									.map(c -> new CharacteristicView(c.id(), c.text().in(language),
											c.details().stream().map(detail -> detail.in(language)).toList()))
									.toList(),
								level.scenarios().stream().map(scenario -> scenario.text().in(language)).toList()))
						.toList(),
					aspect.questions()
						.stream()
						.map(question -> new QuestionView(question.id(), question.text().in(language),
								question.options()
									.stream()
									.map(option -> new OptionView(option.value(), option.label().in(language),
											option.description().in(language)))
									.toList()))
						.toList());
		}

		@JsonIgnore
		public List<String> descriptionParagraphs() {
			return paragraphs(description);
		}

	}

	public record LevelView(int number, String stage, String title, String description,
			List<CharacteristicView> characteristics, List<String> scenarios) {

		@JsonIgnore
		public List<String> descriptionParagraphs() {
			return paragraphs(description);
		}

	}

	public record CharacteristicView(String id, String text, List<String> details) {
	}

	public record QuestionView(String key, String text, List<OptionView> options) {
	}

	public record OptionView(int value, String label, String description) {
	}

	/** Paragraphs of a model text, which separates them by blank lines. */
	public static List<String> paragraphs(String text) {
		return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

}
