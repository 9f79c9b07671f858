package dev.platformmaturity.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a maturity model with all its texts, as read from a model file or from
 * the database. Immutable.
 */
public record MaturityModel(String id, String key, int version, LocalDate published, LocalizedText name,
		List<String> requiredLanguages, List<String> optionalLanguages, List<Source> sources,
		List<TranslationNote> translationNotes, List<IntroSection> introduction, List<Stage> stages,
		List<Aspect> aspects) {

	public MaturityModel {
		requiredLanguages = List.copyOf(requiredLanguages);
		optionalLanguages = List.copyOf(optionalLanguages);
		sources = List.copyOf(sources);
		translationNotes = List.copyOf(translationNotes);
		introduction = List.copyOf(introduction);
		stages = List.copyOf(stages);
		aspects = List.copyOf(aspects);
	}

	public List<String> languages() {
		return Stream.concat(requiredLanguages.stream(), optionalLanguages.stream()).toList();
	}

	public Optional<Aspect> aspect(String aspectKey) {
		return aspects.stream().filter(aspect -> aspect.key().equals(aspectKey)).findFirst();
	}

	public Optional<Question> question(String questionId) {
		return aspects.stream()
			.flatMap(aspect -> aspect.questions().stream())
			.filter(question -> question.id().equals(questionId))
			.findFirst();
	}

	public LocalizedText stageName(int level) {
		return stages.stream().filter(stage -> stage.level() == level).findFirst().orElseThrow().name();
	}

	public record Source(String name, String url, String licence) {
	}

	public record TranslationNote(String path, String language, String note) {
	}

	public record IntroSection(LocalizedText heading, List<LocalizedText> paragraphs) {

		public IntroSection {
			paragraphs = List.copyOf(paragraphs);
		}

	}

	public record Stage(int level, LocalizedText name) {
	}

	public record Aspect(String key, LocalizedText name, LocalizedText question, LocalizedText description,
			List<Level> levels, List<Question> questions) {

		public Aspect {
			levels = List.copyOf(levels);
			questions = List.copyOf(questions);
		}

		public Level level(int number) {
			return levels.stream().filter(level -> level.number() == number).findFirst().orElseThrow();
		}

	}

	public record Level(int number, LocalizedText title, LocalizedText description,
			List<Characteristic> characteristics, List<Scenario> scenarios) {

		public Level {
			characteristics = List.copyOf(characteristics);
			scenarios = List.copyOf(scenarios);
		}

	}

	public record Characteristic(String id, LocalizedText text, List<LocalizedText> details) {

		public Characteristic {
			details = List.copyOf(details);
		}

	}

	public record Scenario(String id, LocalizedText text) {
	}

	public record Question(String id, LocalizedText text, List<Option> options) {

		public Question {
			options = List.copyOf(options);
		}

		public Optional<Option> option(int value) {
			return options.stream().filter(option -> option.value() == value).findFirst();
		}

	}

	public record Option(int value, LocalizedText label, LocalizedText description) {
	}

}
