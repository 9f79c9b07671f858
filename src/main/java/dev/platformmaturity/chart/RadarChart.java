package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.SvgWriter.Point;

/**
 * A radar chart as SVG: one axis per aspect, the first at the top and the others clockwise, a ring per level, one
 * outline per series. A missing value breaks the outline there instead of pulling it to the centre, because the
 * centre would read as level 0. The size grows beyond the default 520 wide when long axis labels need room.
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
	 * The size of the chart's texts. REGULAR suits a chart shown at about its own width (520 and more). LARGE is for
	 * a chart shrunk to a phone's width: with axis labels as long as the model's aspect names, every text stays at
	 * least 11 px tall when the whole chart is 358 px wide.
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
	 * @param title the accessible name; also a tooltip, not drawn, as pages and reports give their own heading
	 * @param maxValue the value of the outer ring; a ring is drawn for every whole value from 1
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

	public static String svg(Spec spec) {
		return svg(spec, TextSize.REGULAR);
	}

	public static String svg(Spec spec, TextSize texts) {
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

		SvgWriter svg = new SvgWriter(spec.idPrefix(), spec.title(), spec.description(), width, height);
		grid(svg, spec, centre, texts);
		svg.open("g", "id", svg.id("axes"));
		for (AxisLabel label : labels) {
			label.draw(svg, centre);
		}
		svg.close("g");
		List<List<Point>> points = spec.series().stream().map(series -> points(series, spec, centre)).toList();
		for (int i = 0; i < points.size(); i++) {
			outline(svg, svg.id("series-" + i), spec.series().get(i).style(), points.get(i));
		}
		for (int i = 0; i < points.size(); i++) {
			SeriesPainter.markers(svg, svg.id("markers-" + i), spec.series().get(i).style(), points.get(i));
		}
		legend.draw(svg, centre.x(), legendTop);
		return svg.finish();
	}

	private static void grid(SvgWriter svg, Spec spec, Point centre, TextSize texts) {
		int axes = spec.axisLabels().size();
		svg.open("g", "id", svg.id("grid"), "fill", "none", "stroke", Palette.GRID, "stroke-width", 1d);
		for (int level = 1; level <= spec.maxValue(); level++) {
			List<Point> ring = new ArrayList<>();
			for (int axis = 0; axis < axes; axis++) {
				ring.add(at(centre, direction(axis, axes), RADIUS * level / spec.maxValue()));
			}
			svg.leaf("polygon", "points", SvgWriter.points(ring));
		}
		for (int axis = 0; axis < axes; axis++) {
			Point end = at(centre, direction(axis, axes), RADIUS);
			svg.leaf("line", "x1", centre.x(), "y1", centre.y(), "x2", end.x(), "y2", end.y());
		}
		svg.close("g");
		svg.open("g", "id", svg.id("levels"));
		for (int level = 1; level <= spec.maxValue(); level++) {
			svg.text(String.valueOf(level), centre.x() - 7, centre.y() - RADIUS * level / spec.maxValue() - 3,
					texts.levelFontSize, "end", Palette.MUTED_TEXT);
		}
		svg.close("g");
	}

	/** A closed, optionally filled outline when every value is present; otherwise lines between present neighbours. */
	private static void outline(SvgWriter svg, String id, SeriesStyle style, List<Point> points) {
		svg.open("g", "id", id);
		if (!points.contains(null)) {
			boolean filled = style.areaOpacity() > 0;
			svg.leaf("polygon", SvgWriter.concat(new Object[] { "points", SvgWriter.points(points), "fill",
					filled ? style.colour() : "none", "fill-opacity", filled ? style.areaOpacity() : null },
					SeriesPainter.stroke(style)));
		}
		else {
			SeriesPainter.lines(svg, style, points, true);
		}
		svg.close("g");
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

	/** The unit vector of an axis in SVG coordinates (y down): the first points up, the next ones clockwise. */
	private static Point direction(int axis, int axes) {
		double angle = 2 * Math.PI * axis / axes;
		return new Point(Math.sin(angle), -Math.cos(angle));
	}

	private static Point at(Point centre, Point direction, double distance) {
		return new Point(centre.x() + direction.x() * distance, centre.y() + direction.y() * distance);
	}

	/**
	 * An axis label just outside the outer ring, relative to the centre. Labels on the right start at their anchor,
	 * those on the left end there, those at the top and bottom are centred; vertically a label moves from above its
	 * anchor (top axis) through centred (side axes) to below it (bottom axis), so it never covers the chart.
	 */
	private record AxisLabel(List<String> lines, Point anchor, String textAnchor, double left, double right,
			double top, double height, TextSize texts) {

		static AxisLabel place(String text, Point direction, TextSize texts) {
			List<String> lines = TextMetrics.wrap(text, texts.maxLabelWidth, texts.labelFontSize);
			double width = lines.stream()
				.mapToDouble(line -> TextMetrics.width(line, texts.labelFontSize))
				.max()
				.orElse(0);
			double height = lines.size() * texts.labelLineHeight;
			Point anchor = new Point(direction.x() * (RADIUS + LABEL_DISTANCE),
					direction.y() * (RADIUS + LABEL_DISTANCE));
			String textAnchor = Math.abs(direction.x()) < 0.1 ? "middle" : direction.x() > 0 ? "start" : "end";
			double left = switch (textAnchor) {
				case "start" -> anchor.x();
				case "end" -> anchor.x() - width;
				default -> anchor.x() - width / 2;
			};
			double top = anchor.y() - height * (1 - direction.y()) / 2;
			return new AxisLabel(lines, anchor, textAnchor, left, left + width, top, height, texts);
		}

		void draw(SvgWriter svg, Point centre) {
			double firstBaseline = centre.y() + top + texts.labelLineHeight * 0.75;
			svg.text(lines, centre.x() + anchor.x(), firstBaseline, texts.labelLineHeight, texts.labelFontSize,
					textAnchor, Palette.TEXT);
		}

	}

}
