package dev.platformmaturity.chart;

/**
 * The neutral colours of chart furniture, shared so radar and line charts look like one
 * family.
 */
final class Palette {

	static final String TEXT = "#222222";

	static final String MUTED_TEXT = "#666666";

	static final String AXIS = "#8C8C8C";

	static final String GRID = "#D4D4D4";

	private Palette() {
	}

}
