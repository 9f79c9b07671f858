package dev.platformmaturity.model;

import java.util.Map;
import java.util.Optional;

/**
 * An imported model version with the database ids of its aspects and questions, for the
 * data that refers to them (answers, targets).
 */
public record ModelVersion(long databaseId, MaturityModel model, Map<String, Long> aspectIds,
		Map<String, Long> questionIds) {

	public ModelVersion {
		aspectIds = Map.copyOf(aspectIds);
		questionIds = Map.copyOf(questionIds);
	}

	public Optional<String> questionKey(long questionId) {
		return questionIds.entrySet()
			.stream()
			.filter(e -> e.getValue() == questionId)
			.map(Map.Entry::getKey)
			.findFirst();
	}

	public Optional<String> aspectKey(long aspectId) {
		return aspectIds.entrySet().stream().filter(e -> e.getValue() == aspectId).map(Map.Entry::getKey).findFirst();
	}

	/** The aspect a question belongs to. */
	public String aspectOf(String questionKey) {
		return model.aspects()
			.stream()
			.filter(aspect -> aspect.questions().stream().anyMatch(q -> q.id().equals(questionKey)))
			.findFirst()
			.orElseThrow()
			.key();
	}

	public int questionCount() {
		return questionIds.size();
	}

}
