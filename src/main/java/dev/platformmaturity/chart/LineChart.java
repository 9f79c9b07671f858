package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.Chart.Anchor;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Text;

/**
 * A line chart for scores over quarters: a grid line per whole level, a point per x
 * label, lines broken where a value is missing (a lone value between gaps keeps its
 * marker). Many x labels are turned and, beyond what fits, thinned out from the newest
 * backwards, so the latest quarter is always labelled.
 */
public final class LineChart {

	private static final double WIDTH = 640;

	private static final double MARGIN = 16;

	private static final double PLOT_HEIGHT = 230;

	private static final double INSET = 24;

	private static final int FONT_SIZE = 12;

	private static final int HORIZONTAL_LABELS = 8;

	private static final double ROTATED_LABEL_SPACING = 16;

	private static final double TICK = 4;

	private static final double LEGEND_GAP = 14;

	private LineChart() {
	}

	/**
	 * @param idPrefix starts the ids of the chart's elements, unique per page
	 * @param title the accessible name; also a tooltip, not drawn, as pages and reports
	 * give their own heading
	 * @param xLabels in order, oldest first
	 * @param series drawn in order, so a later series lies on top
	 */
	public record Spec(String idPrefix, String title, String description, List<String> xLabels, BigDecimal yMin,
			BigDecimal yMax, List<Series> series) {

		public Spec {
			SvgWriter.checkIdPrefix(idPrefix);
			if (title == null || description == null) {
				throw new IllegalArgumentException("A chart needs a title and a description");
			}
			xLabels = List.copyOf(xLabels);
			series = List.copyOf(series);
			if (xLabels.isEmpty()) {
				throw new IllegalArgumentException("A line chart needs at least one x label");
			}
			if (yMin.compareTo(yMax) >= 0) {
				throw new IllegalArgumentException("yMin " + yMin + " must be below yMax " + yMax);
			}
			for (Series one : series) {
				if (one.values().size() != xLabels.size()) {
					throw new IllegalArgumentException("Series " + one.label() + " has " + one.values().size()
							+ " values for " + xLabels.size() + " x labels");
				}
				for (BigDecimal value : one.values()) {
					if (value != null && (value.compareTo(yMin) < 0 || value.compareTo(yMax) > 0)) {
						throw new IllegalArgumentException(
								"Series " + one.label() + " has " + value + " outside " + yMin + ".." + yMax);
					}
				}
			}
		}

	}

	/** The chart as SVG for a page. */
	public static String svg(Spec spec) {
		return chart(spec).svg();
	}

	public static Chart chart(Spec spec) {
		List<Integer> levels = levels(spec);
		double yLabelWidth = levels.stream()
			.mapToDouble(level -> TextMetrics.width(String.valueOf(level), FONT_SIZE))
			.max()
			.orElse(0);
		double plotLeft = MARGIN + yLabelWidth + 8;
		double plotRight = WIDTH - MARGIN;
		double plotTop = MARGIN;
		double plotBottom = plotTop + PLOT_HEIGHT;
		Plot plot = new Plot(plotLeft, plotRight, plotTop, plotBottom, spec);

		int count = spec.xLabels().size();
		double labelWidth = spec.xLabels()
			.stream()
			.mapToDouble(label -> TextMetrics.width(label, FONT_SIZE))
			.max()
			.orElse(0);
		double step = count > 1 ? plot.x(1) - plot.x(0) : plotRight - plotLeft;
		boolean rotated = count > HORIZONTAL_LABELS || labelWidth > step - 8;
		int every = rotated ? (int) Math.ceil(ROTATED_LABEL_SPACING / step) : 1;
		double labelsHeight = rotated ? labelWidth * Math.sqrt(0.5) + FONT_SIZE + 2 * TICK : FONT_SIZE + 3 * TICK;

		Legend legend = new Legend(spec.series(), WIDTH - 2 * MARGIN);
		double legendTop = plotBottom + labelsHeight + LEGEND_GAP;
		double height = legend.height() > 0 ? legendTop + legend.height() + MARGIN : plotBottom + labelsHeight + MARGIN;

		Drawing drawing = new Drawing(spec.idPrefix());
		drawing.open(drawing.id("grid"), Paint.stroke(Palette.GRID, 1));
		for (int level : levels) {
			double y = plot.y(BigDecimal.valueOf(level));
			drawing.add(new Line(new Point(plotLeft, y), new Point(plotRight, y), Paint.INHERITED));
		}
		drawing.close();
		drawing.open(drawing.id("y-labels"), Paint.INHERITED);
		for (int level : levels) {
			drawing.text(String.valueOf(level), plotLeft - 8, plot.y(BigDecimal.valueOf(level)) + FONT_SIZE * 0.35,
					FONT_SIZE, Anchor.END, Palette.MUTED_TEXT);
		}
		drawing.close();
		drawing.open(drawing.id("axes"), Paint.stroke(Palette.AXIS, 1));
		drawing.add(new Line(new Point(plotLeft, plotTop), new Point(plotLeft, plotBottom), Paint.INHERITED));
		drawing.add(new Line(new Point(plotLeft, plotBottom), new Point(plotRight, plotBottom), Paint.INHERITED));
		for (int i = 0; i < count; i++) {
			drawing.add(new Line(new Point(plot.x(i), plotBottom), new Point(plot.x(i), plotBottom + TICK),
					Paint.INHERITED));
		}
		drawing.close();
		drawing.open(drawing.id("x-labels"), Paint.INHERITED);
		for (int i = count - 1; i >= 0; i -= every) {
			String label = spec.xLabels().get(i);
			if (rotated) {
				drawing.add(new Text(List.of(label), plot.x(i) + FONT_SIZE * 0.35, plotBottom + 2 * TICK, 0, FONT_SIZE,
						Anchor.END, Palette.TEXT, -45));
			}
			else {
				drawing.text(label, plot.x(i), plotBottom + 2 * TICK + FONT_SIZE, FONT_SIZE, Anchor.MIDDLE,
						Palette.TEXT);
			}
		}
		drawing.close();

		List<List<Point>> points = spec.series().stream().map(plot::points).toList();
		for (int i = 0; i < points.size(); i++) {
			drawing.open(drawing.id("series-" + i), Paint.INHERITED);
			SeriesPainter.lines(drawing, spec.series().get(i).style(), points.get(i), false);
			drawing.close();
		}
		for (int i = 0; i < points.size(); i++) {
			SeriesPainter.markers(drawing, drawing.id("markers-" + i), spec.series().get(i).style(), points.get(i));
		}
		legend.draw(drawing, WIDTH / 2, legendTop);
		return drawing.chart(spec.title(), spec.description(), WIDTH, height);
	}

	private static List<Integer> levels(Spec spec) {
		List<Integer> levels = new ArrayList<>();
		int highest = spec.yMax().setScale(0, RoundingMode.FLOOR).intValueExact();
		for (int level = spec.yMin().setScale(0, RoundingMode.CEILING).intValueExact(); level <= highest; level++) {
			levels.add(level);
		}
		return levels;
	}

	/**
	 * Maps x label positions and values to coordinates; points are inset so end markers
	 * clear the axis.
	 */
	private record Plot(double left, double right, double top, double bottom, Spec spec) {

		double x(int index) {
			int count = spec.xLabels().size();
			if (count == 1) {
				return (left + right) / 2;
			}
			return left + INSET + (right - left - 2 * INSET) * index / (count - 1);
		}

		double y(BigDecimal value) {
			double min = spec.yMin().doubleValue();
			double max = spec.yMax().doubleValue();
			return bottom - (value.doubleValue() - min) / (max - min) * (bottom - top);
		}

		List<Point> points(Series series) {
			List<Point> points = new ArrayList<>();
			for (int i = 0; i < series.values().size(); i++) {
				BigDecimal value = series.values().get(i);
				points.add(value == null ? null : new Point(x(i), y(value)));
			}
			return points;
		}

	}

}
