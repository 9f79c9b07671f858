package dev.platformmaturity.action;

import java.util.Optional;

import dev.platformmaturity.model.MaturityModel;

/**
 * A characteristic of the model named as {@code aspect.level.key}, such as
 * {@code investment.3.c1}.
 */
record CharacteristicRef(String aspect, int level, String key) {

	static Optional<CharacteristicRef> parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty() || !parts[1].matches("[1-4]")) {
			return Optional.empty();
		}
		return Optional.of(new CharacteristicRef(parts[0], Integer.parseInt(parts[1]), parts[2]));
	}

	/** The characteristic in the model, if the model has it. */
	Optional<MaturityModel.Characteristic> in(MaturityModel model) {
		return model.aspect(aspect)
			.flatMap(found -> found.levels().stream().filter(candidate -> candidate.number() == level).findFirst())
			.flatMap(found -> found.characteristics()
				.stream()
				.filter(characteristic -> characteristic.id().equals(key))
				.findFirst());
	}

	@Override
	public String toString() {
		return aspect + "." + level + "." + key;
	}

}
