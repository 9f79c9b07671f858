package dev.platformmaturity.assessment;

/**
 * How a change of one answer moves its assessment's kept figures: the answered, reviewed
 * and carried-over counts, and the sum and count of the answered levels of the answer's
 * aspect.
 */
record FigureChange(int answered, int reviewed, int carriedOver, int levelSum, int levelCount) {

	static FigureChange between(AnswerState before, AnswerState after) {
		return new FigureChange(one(after.answered()) - one(before.answered()),
				one(after.reviewed()) - one(before.reviewed()), one(after.carriedOver()) - one(before.carriedOver()),
				level(after) - level(before), one(after.level() != null) - one(before.level() != null));
	}

	private static int one(boolean counted) {
		return counted ? 1 : 0;
	}

	private static int level(AnswerState answer) {
		return answer.level() == null ? 0 : answer.level();
	}

}
