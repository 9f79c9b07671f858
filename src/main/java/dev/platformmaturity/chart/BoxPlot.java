package dev.platformmaturity.chart;

import java.math.BigDecimal;

/**
 * A small horizontal box plot of scores on the levels 1 to 4, for a distribution across teams: a whisker from the
 * lowest to the highest score, a box from the lower to the upper quartile and a bar at the median. Pages show the
 * numbers beside it in a table; the chart's title and description name them for screen readers.
 */
public final class BoxPlot {

	private static final double WIDTH = 160;

	private static final double HEIGHT = 28;

	private static final double INSET = 6;

	private static final double MIDDLE = 12;

	private static final double BOX_HALF_HEIGHT = 6;

	private BoxPlot() {
	}

	/** The five numbers; all present, or the chart shows only its scale. */
	public record Spec(String idPrefix, String title, String description, BigDecimal min, BigDecimal lowerQuartile,
			BigDecimal median, BigDecimal upperQuartile, BigDecimal max) {

		public Spec {
			SvgWriter.checkIdPrefix(idPrefix);
			if (title == null || description == null) {
				throw new IllegalArgumentException("A chart needs a title and a description");
			}
		}

		boolean complete() {
			return min != null && lowerQuartile != null && median != null && upperQuartile != null && max != null;
		}

	}

	public static String svg(Spec spec) {
		SvgWriter svg = new SvgWriter(spec.idPrefix(), spec.title(), spec.description(), WIDTH, HEIGHT);
		for (int level = 1; level <= 4; level++) {
			double x = x(BigDecimal.valueOf(level));
			svg.leaf("line", "x1", x, "y1", MIDDLE - 9, "x2", x, "y2", MIDDLE + 9, "stroke", "#BDBDBD", "stroke-width",
					1);
			svg.text(String.valueOf(level), x, HEIGHT - 1, 8, "middle", "#595959");
		}
		if (spec.complete()) {
			String colour = SeriesStyle.CURRENT.colour();
			svg.leaf("line", "id", svg.id("whisker"), "x1", x(spec.min()), "y1", MIDDLE, "x2", x(spec.max()), "y2",
					MIDDLE, "stroke", colour, "stroke-width", 1.5);
			double left = x(spec.lowerQuartile());
			svg.leaf("rect", "id", svg.id("box"), "x", left, "y", MIDDLE - BOX_HALF_HEIGHT, "width",
					Math.max(1, x(spec.upperQuartile()) - left), "height", 2 * BOX_HALF_HEIGHT, "fill", "#CFE3F2",
					"stroke", colour, "stroke-width", 1.5);
			double median = x(spec.median());
			svg.leaf("line", "id", svg.id("median"), "x1", median, "y1", MIDDLE - BOX_HALF_HEIGHT - 2, "x2", median,
					"y2", MIDDLE + BOX_HALF_HEIGHT + 2, "stroke", "#000000", "stroke-width", 2.5);
		}
		return svg.finish();
	}

	private static double x(BigDecimal score) {
		return INSET + (score.doubleValue() - 1) / 3 * (WIDTH - 2 * INSET);
	}

}
