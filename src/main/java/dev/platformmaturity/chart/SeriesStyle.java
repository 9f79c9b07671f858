package dev.platformmaturity.chart;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a series is drawn. Colour, dash pattern and marker shape each tell series apart on
 * their own, so charts stay readable in greyscale print and for colour-blind readers. Use
 * {@link #forIndex} for series of equal standing (teams compared) and the named styles
 * for series with a meaning (current, target, previous quarter).
 *
 * @param colour {@code #RRGGBB}; opacity is separate because PDF rendering does not
 * understand {@code rgba()}
 * @param dashArray an SVG {@code stroke-dasharray} such as {@code "6 4"}; empty for a
 * solid line
 * @param areaOpacity 0 for no fill; otherwise the opacity of the area a chart fills under
 * a complete outline
 */
public record SeriesStyle(String colour, String dashArray, Marker marker, double areaOpacity) {

	/** Declared before the styles below, which the constructor checks with them. */
	private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

	private static final Pattern DASH_ARRAY = Pattern.compile("(\\d+(\\.\\d+)?( \\d+(\\.\\d+)?)*)?");

	public static final SeriesStyle CURRENT = new SeriesStyle("#0072B2", "", Marker.CIRCLE, 0.18);

	public static final SeriesStyle TARGET = new SeriesStyle("#D55E00", "7 4", Marker.DIAMOND, 0);

	public static final SeriesStyle PREVIOUS = new SeriesStyle("#737373", "2 3", Marker.SQUARE, 0);

	public static final SeriesStyle PLAN = new SeriesStyle("#009E73", "4 2 1 2", Marker.TRIANGLE, 0);

	/**
	 * Okabe–Ito, a palette that stays distinct for the common kinds of colour blindness.
	 */
	private static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
			"#56B4E9", "#000000");

	private static final List<String> DASHES = List.of("", "8 4", "2 3", "8 3 2 3", "12 4", "4 4", "8 3 2 3 2 3");

	public SeriesStyle {
		if (colour == null || !COLOUR.matcher(colour).matches()) {
			throw new IllegalArgumentException("A colour must be #RRGGBB, not " + colour);
		}
		if (dashArray == null || !DASH_ARRAY.matcher(dashArray).matches()) {
			throw new IllegalArgumentException("A dash array must be numbers separated by spaces, not " + dashArray);
		}
		if (marker == null) {
			throw new IllegalArgumentException("A series needs a marker");
		}
		if (!(areaOpacity >= 0 && areaOpacity <= 1)) {
			throw new IllegalArgumentException("An area opacity must be 0..1, not " + areaOpacity);
		}
	}

	/**
	 * The style of the series at this position: seven differ in all of colour, dash
	 * pattern and marker.
	 */
	public static SeriesStyle forIndex(int index) {
		if (index < 0) {
			throw new IllegalArgumentException("A series index cannot be negative: " + index);
		}
		Marker[] markers = Marker.values();
		return new SeriesStyle(PALETTE.get(index % PALETTE.size()), DASHES.get(index % DASHES.size()),
				markers[index % markers.length], 0);
	}

	public enum Marker {

		CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS, PLUS

	}

}
