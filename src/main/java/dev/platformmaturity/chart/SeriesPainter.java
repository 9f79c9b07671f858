package dev.platformmaturity.chart;

import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.SeriesStyle.Marker;
import dev.platformmaturity.chart.SvgWriter.Point;

/** Draws what radar and line charts share: series lines broken at missing values, markers, the legend's samples. */
final class SeriesPainter {

	private static final double LINE_WIDTH = 2;

	private static final double MARKER_RADIUS = 4.5;

	private SeriesPainter() {
	}

	/** Stroke attributes of a series' line; give the element its own {@code fill}. */
	static Object[] stroke(SeriesStyle style) {
		return new Object[] { "stroke", style.colour(), "stroke-width", LINE_WIDTH, "stroke-dasharray",
				style.dashArray().isEmpty() ? null : style.dashArray(), "stroke-linejoin", "round" };
	}

	/**
	 * The runs of consecutive present points (null = missing value). With {@code cyclic} the last point is followed by
	 * the first, as around a radar.
	 */
	private static List<List<Point>> runs(List<Point> points, boolean cyclic) {
		int start = cyclic ? points.indexOf(null) + 1 : 0;
		List<List<Point>> runs = new ArrayList<>();
		List<Point> run = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			Point point = points.get((start + i) % points.size());
			if (point == null) {
				if (!run.isEmpty()) {
					runs.add(run);
					run = new ArrayList<>();
				}
			}
			else {
				run.add(point);
			}
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	/** Lines through each run of two or more points; a lone point between gaps shows only its marker. */
	static void lines(SvgWriter svg, SeriesStyle style, List<Point> points, boolean cyclic) {
		for (List<Point> run : runs(points, cyclic)) {
			if (run.size() > 1) {
				svg.leaf("polyline", SvgWriter.concat(new Object[] { "points", SvgWriter.points(run), "fill", "none" },
						stroke(style)));
			}
		}
	}

	/** Markers with a white rim, so they stay visible where lines of several series cross. */
	static void markers(SvgWriter svg, String id, SeriesStyle style, List<Point> points) {
		svg.open("g", "id", id, "fill", style.colour(), "stroke", "#FFFFFF", "stroke-width", 1d);
		points.stream().filter(point -> point != null).forEach(point -> marker(svg, style.marker(), point));
		svg.close("g");
	}

	static void marker(SvgWriter svg, Marker marker, Point at) {
		double r = MARKER_RADIUS;
		switch (marker) {
			case CIRCLE -> svg.leaf("circle", "cx", at.x(), "cy", at.y(), "r", r * 0.9);
			case SQUARE -> svg.leaf("rect", "x", at.x() - r * 0.8, "y", at.y() - r * 0.8, "width", r * 1.6, "height",
					r * 1.6);
			case TRIANGLE -> shape(svg, at, 0, -1.25, 1.1, 0.75, -1.1, 0.75);
			case TRIANGLE_DOWN -> shape(svg, at, 0, 1.25, 1.1, -0.75, -1.1, -0.75);
			case DIAMOND -> shape(svg, at, 0, -1.15, 1.15, 0, 0, 1.15, -1.15, 0);
			case PLUS -> shape(svg, at, plus(0));
			case CROSS -> shape(svg, at, plus(Math.PI / 4));
		}
	}

	/** A polygon given as (dx, dy) pairs in marker radii from the marker's centre. */
	private static void shape(SvgWriter svg, Point at, double... offsets) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < offsets.length; i += 2) {
			points.add(new Point(at.x() + offsets[i] * MARKER_RADIUS, at.y() + offsets[i + 1] * MARKER_RADIUS));
		}
		svg.leaf("polygon", "points", SvgWriter.points(points));
	}

	private static double[] plus(double rotation) {
		double arm = 1.15;
		double half = 0.38;
		double[][] corners = { { half, arm }, { half, half }, { arm, half }, { arm, -half }, { half, -half },
				{ half, -arm }, { -half, -arm }, { -half, -half }, { -arm, -half }, { -arm, half }, { -half, half },
				{ -half, arm } };
		double[] offsets = new double[corners.length * 2];
		for (int i = 0; i < corners.length; i++) {
			double x = corners[i][0];
			double y = corners[i][1];
			offsets[2 * i] = x * Math.cos(rotation) - y * Math.sin(rotation);
			offsets[2 * i + 1] = x * Math.sin(rotation) + y * Math.cos(rotation);
		}
		return offsets;
	}

}
