package dev.platformmaturity.chart;

import java.math.BigDecimal;

import dev.platformmaturity.chart.Chart.Anchor;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Rect;

/**
 * A small horizontal box plot of scores on the levels 1 to 4, for a distribution across
 * teams: a whisker from the lowest to the highest score, a box from the lower to the
 * upper quartile and a bar at the median. Pages show the numbers beside it in a table;
 * the chart's title and description name them for screen readers.
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
		return chart(spec).svg();
	}

	public static Chart chart(Spec spec) {
		Drawing drawing = new Drawing(spec.idPrefix());
		for (int level = 1; level <= 4; level++) {
			double x = x(BigDecimal.valueOf(level));
			drawing.add(new Line(new Point(x, MIDDLE - 9), new Point(x, MIDDLE + 9), Paint.stroke("#BDBDBD", 1)));
			drawing.text(String.valueOf(level), x, HEIGHT - 1, 8, Anchor.MIDDLE, "#595959");
		}
		if (spec.complete()) {
			String colour = SeriesStyle.CURRENT.colour();
			drawing.open(drawing.id("whisker"), Paint.stroke(colour, 1.5));
			drawing.add(new Line(new Point(x(spec.min()), MIDDLE), new Point(x(spec.max()), MIDDLE), Paint.INHERITED));
			drawing.close();
			double left = x(spec.lowerQuartile());
			drawing.open(drawing.id("box"), new Paint("#CFE3F2", null, colour, 1.5, null, false));
			drawing.add(new Rect(left, MIDDLE - BOX_HALF_HEIGHT, Math.max(1, x(spec.upperQuartile()) - left),
					2 * BOX_HALF_HEIGHT, Paint.INHERITED));
			drawing.close();
			double median = x(spec.median());
			drawing.open(drawing.id("median"), Paint.stroke("#000000", 2.5));
			drawing.add(new Line(new Point(median, MIDDLE - BOX_HALF_HEIGHT - 2),
					new Point(median, MIDDLE + BOX_HALF_HEIGHT + 2), Paint.INHERITED));
			drawing.close();
		}
		return drawing.chart(spec.title(), spec.description(), WIDTH, HEIGHT);
	}

	private static double x(BigDecimal score) {
		return INSET + (score.doubleValue() - 1) / 3 * (WIDTH - 2 * INSET);
	}

}
