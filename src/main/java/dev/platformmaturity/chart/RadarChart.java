package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.Chart.Anchor;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Polygon;
import dev.platformmaturity.chart.Chart.Text;

/**
 * A radar chart: one axis per aspect, the first at the top and the others clockwise, a
 * ring per level, one outline per series. A missing value breaks the outline there
 * instead of pulling it to the centre, because the centre would read as level 0. The size
 * grows beyond the default 520 wide when long axis labels need room.
 */
public final class RadarChart {

	private static final double RADIUS = 150;

	private static final double MARGIN = 16;

	private static final double MIN_WIDTH = 520;

	private static final double LABEL_DISTANCE = 12;

	private static final double LEGEND_GAP = 20;

	private RadarChart() {
	}

	/**
	 * The size of the chart's texts. REGULAR suits a chart shown at about its own width
	 * (520 and more). LARGE is for a chart shrunk to a phone's width: with axis labels as
	 * long as the model's aspect names, every text stays at least 11 px tall when the
	 * whole chart is 358 px wide.
	 */
	public enum TextSize {

		REGULAR(13, 16, 130, 10, 12), LARGE(20, 24, 120, 20, 20);

		private final int labelFontSize;

		private final double labelLineHeight;

		private final double maxLabelWidth;

		private final int levelFontSize;

		private final int legendFontSize;

		TextSize(int labelFontSize, double labelLineHeight, double maxLabelWidth, int levelFontSize,
				int legendFontSize) {
			this.labelFontSize = labelFontSize;
			this.labelLineHeight = labelLineHeight;
			this.maxLabelWidth = maxLabelWidth;
			this.levelFontSize = levelFontSize;
			this.legendFontSize = legendFontSize;
		}

	}

	/**
	 * @param idPrefix starts the ids of the chart's elements, unique per page
	 * @param title the accessible name; also a tooltip, not drawn, as pages and reports
	 * give their own heading
	 * @param maxValue the value of the outer ring; a ring is drawn for every whole value
	 * from 1
	 * @param series drawn in order, so a later series lies on top
	 */
	public record Spec(String idPrefix, String title, String description, List<String> axisLabels, int maxValue,
			List<Series> series) {

		public Spec {
			SvgWriter.checkIdPrefix(idPrefix);
			if (title == null || description == null) {
				throw new IllegalArgumentException("A chart needs a title and a description");
			}
			axisLabels = List.copyOf(axisLabels);
			series = List.copyOf(series);
			if (axisLabels.size() < 3) {
				throw new IllegalArgumentException("A radar chart needs at least 3 axes, not " + axisLabels.size());
			}
			if (maxValue < 1) {
				throw new IllegalArgumentException("The maximum value must be at least 1, not " + maxValue);
			}
			for (Series one : series) {
				if (one.values().size() != axisLabels.size()) {
					throw new IllegalArgumentException("Series " + one.label() + " has " + one.values().size()
							+ " values for " + axisLabels.size() + " axes");
				}
				for (BigDecimal value : one.values()) {
					if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(maxValue)) > 0)) {
						throw new IllegalArgumentException(
								"Series " + one.label() + " has " + value + " outside 0.." + maxValue);
					}
				}
			}
		}

	}

	/** The chart as SVG for a page. */
	public static String svg(Spec spec) {
		return svg(spec, TextSize.REGULAR);
	}

	public static String svg(Spec spec, TextSize texts) {
		return chart(spec, texts).svg();
	}

	public static Chart chart(Spec spec) {
		return chart(spec, TextSize.REGULAR);
	}

	public static Chart chart(Spec spec, TextSize texts) {
		int axes = spec.axisLabels().size();
		List<AxisLabel> labels = new ArrayList<>();
		double left = -RADIUS;
		double right = RADIUS;
		double top = -RADIUS;
		double bottom = RADIUS;
		for (int axis = 0; axis < axes; axis++) {
			AxisLabel label = AxisLabel.place(spec.axisLabels().get(axis), direction(axis, axes), texts);
			labels.add(label);
			left = Math.min(left, label.left());
			right = Math.max(right, label.right());
			top = Math.min(top, label.top());
			bottom = Math.max(bottom, label.top() + label.height());
		}
		double width = Math.max(MIN_WIDTH, 2 * Math.max(-left, right) + 2 * MARGIN);
		Legend legend = new Legend(spec.series(), width - 2 * MARGIN, texts.legendFontSize);
		Point centre = new Point(width / 2, MARGIN - top);
		double legendTop = centre.y() + bottom + LEGEND_GAP;
		double height = legend.height() > 0 ? legendTop + legend.height() + MARGIN : centre.y() + bottom + MARGIN;

		Drawing drawing = new Drawing(spec.idPrefix());
		grid(drawing, spec, centre, texts);
		drawing.open(drawing.id("axes"), Paint.INHERITED);
		for (AxisLabel label : labels) {
			label.draw(drawing, centre);
		}
		drawing.close();
		List<List<Point>> points = spec.series().stream().map(series -> points(series, spec, centre)).toList();
		for (int i = 0; i < points.size(); i++) {
			outline(drawing, drawing.id("series-" + i), spec.series().get(i).style(), points.get(i));
		}
		for (int i = 0; i < points.size(); i++) {
			SeriesPainter.markers(drawing, drawing.id("markers-" + i), spec.series().get(i).style(), points.get(i));
		}
		legend.draw(drawing, centre.x(), legendTop);
		return drawing.chart(spec.title(), spec.description(), width, height);
	}

	private static void grid(Drawing drawing, Spec spec, Point centre, TextSize texts) {
		int axes = spec.axisLabels().size();
		drawing.open(drawing.id("grid"), Paint.stroke(Palette.GRID, 1).withFill(Paint.NONE, null));
		for (int level = 1; level <= spec.maxValue(); level++) {
			List<Point> ring = new ArrayList<>();
			for (int axis = 0; axis < axes; axis++) {
				ring.add(at(centre, direction(axis, axes), RADIUS * level / spec.maxValue()));
			}
			drawing.add(new Polygon(ring, true, Paint.INHERITED));
		}
		for (int axis = 0; axis < axes; axis++) {
			drawing.add(new Line(centre, at(centre, direction(axis, axes), RADIUS), Paint.INHERITED));
		}
		drawing.close();
		drawing.open(drawing.id("levels"), Paint.INHERITED);
		for (int level = 1; level <= spec.maxValue(); level++) {
			drawing.text(String.valueOf(level), centre.x() - 7, centre.y() - RADIUS * level / spec.maxValue() - 3,
					texts.levelFontSize, Anchor.END, Palette.MUTED_TEXT);
		}
		drawing.close();
	}

	/**
	 * A closed, optionally filled outline when every value is present; otherwise lines
	 * between present neighbours.
	 */
	private static void outline(Drawing drawing, String id, SeriesStyle style, List<Point> points) {
		drawing.open(id, Paint.INHERITED);
		if (!points.contains(null)) {
			boolean filled = style.areaOpacity() > 0;
			drawing.add(new Polygon(points, true, SeriesPainter.stroke(style)
				.withFill(filled ? style.colour() : Paint.NONE, filled ? style.areaOpacity() : null)));
		}
		else {
			SeriesPainter.lines(drawing, style, points, true);
		}
		drawing.close();
	}

	private static List<Point> points(Series series, Spec spec, Point centre) {
		int axes = spec.axisLabels().size();
		List<Point> points = new ArrayList<>();
		for (int axis = 0; axis < axes; axis++) {
			BigDecimal value = series.values().get(axis);
			points.add(value == null ? null
					: at(centre, direction(axis, axes), RADIUS * value.doubleValue() / spec.maxValue()));
		}
		return points;
	}

	/**
	 * The unit vector of an axis in the chart's coordinates (y down): the first points
	 * up, the next ones clockwise.
	 */
	private static Point direction(int axis, int axes) {
		double angle = 2 * Math.PI * axis / axes;
		return new Point(Math.sin(angle), -Math.cos(angle));
	}

	private static Point at(Point centre, Point direction, double distance) {
		return new Point(centre.x() + direction.x() * distance, centre.y() + direction.y() * distance);
	}

	/**
	 * An axis label just outside the outer ring, relative to the centre. Labels on the
	 * right start at their anchor, those on the left end there, those at the top and
	 * bottom are centred; vertically a label moves from above its anchor (top axis)
	 * through centred (side axes) to below it (bottom axis), so it never covers the
	 * chart.
	 */
	private record AxisLabel(List<String> lines, Point anchor, Anchor textAnchor, double left, double right, double top,
			double height, TextSize texts) {

		static AxisLabel place(String text, Point direction, TextSize texts) {
			List<String> lines = TextMetrics.wrap(text, texts.maxLabelWidth, texts.labelFontSize);
			double width = lines.stream()
				.mapToDouble(line -> TextMetrics.width(line, texts.labelFontSize))
				.max()
				.orElse(0);
			double height = lines.size() * texts.labelLineHeight;
			Point anchor = new Point(direction.x() * (RADIUS + LABEL_DISTANCE),
					direction.y() * (RADIUS + LABEL_DISTANCE));
			Anchor textAnchor = Math.abs(direction.x()) < 0.1 ? Anchor.MIDDLE
					: direction.x() > 0 ? Anchor.START : Anchor.END;
			double left = switch (textAnchor) {
				case START -> anchor.x();
				case END -> anchor.x() - width;
				case MIDDLE -> anchor.x() - width / 2;
			};
			double top = anchor.y() - height * (1 - direction.y()) / 2;
			return new AxisLabel(lines, anchor, textAnchor, left, left + width, top, height, texts);
		}

		void draw(Drawing drawing, Point centre) {
			double firstBaseline = centre.y() + top + texts.labelLineHeight * 0.75;
			drawing.add(new Text(lines, centre.x() + anchor.x(), firstBaseline, texts.labelLineHeight,
					texts.labelFontSize, textAnchor, Palette.TEXT, 0));
		}

	}

}
