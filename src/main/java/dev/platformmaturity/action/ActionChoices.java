package dev.platformmaturity.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.platformmaturity.model.MaturityModel;

/**
 * What the action form offers to choose from, in one language: the aspects of the model
 * version, and per aspect and level its characteristics. Long characteristic texts are
 * shortened in the list; the whole text is the option's title.
 */
record ActionChoices(String modelVersion, List<AspectChoice> aspects) {

	private static final int LABEL_LENGTH = 110;

	record AspectChoice(String key, String name, List<LevelChoice> levels) {
	}

	record LevelChoice(String label, List<CharacteristicChoice> characteristics) {
	}

	record CharacteristicChoice(String ref, String label, String text) {
	}

	static ActionChoices of(MaturityModel model, String language) {
		List<AspectChoice> aspects = new ArrayList<>();
		for (MaturityModel.Aspect aspect : model.aspects()) {
			List<LevelChoice> levels = new ArrayList<>();
			for (MaturityModel.Level level : aspect.levels()) {
				levels.add(new LevelChoice(
						aspect.name().in(language) + " · " + level.number() + " · " + level.title().in(language),
						level.characteristics()
							.stream()
							.map(c -> new CharacteristicChoice(aspect.key() + "." + level.number() + "." + c.id(),
									shortened(c.text().in(language)), c.text().in(language)))
							.toList()));
			}
			aspects.add(new AspectChoice(aspect.key(), aspect.name().in(language), levels));
		}
		return new ActionChoices(model.id(), aspects);
	}

	/** The aspect's name, or the key when the model has no such aspect. */
	String aspectName(String key) {
		return aspects.stream()
			.filter(aspect -> aspect.key().equals(key))
			.map(AspectChoice::name)
			.findFirst()
			.orElse(key);
	}

	/** The characteristic's whole text, if the model has it. */
	Optional<String> characteristicText(String ref) {
		return aspects.stream()
			.flatMap(aspect -> aspect.levels().stream())
			.flatMap(level -> level.characteristics().stream())
			.filter(characteristic -> characteristic.ref().equals(ref))
			.map(CharacteristicChoice::text)
			.findFirst();
	}

	/**
	 * A text cut at a word boundary to about {@value #LABEL_LENGTH} characters, with an
	 * ellipsis when cut.
	 */
	static String shortened(String text) {
		return shortened(text, LABEL_LENGTH);
	}

	static String shortened(String text, int length) {
		if (text.codePointCount(0, text.length()) <= length) {
			return text;
		}
		String cut = text.substring(0, text.offsetByCodePoints(0, length - 1));
		int space = cut.lastIndexOf(' ');
		return (space > length / 2 ? cut.substring(0, space) : cut).strip() + "…";
	}

}
