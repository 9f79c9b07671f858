package dev.platformmaturity.chart;

import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.Chart.Circle;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Polygon;
import dev.platformmaturity.chart.Chart.Rect;
import dev.platformmaturity.chart.SeriesStyle.Marker;

/**
 * Draws what radar and line charts share: series lines broken at missing values, markers,
 * the legend's samples.
 */
final class SeriesPainter {

	private static final double LINE_WIDTH = 2;

	private static final double MARKER_RADIUS = 4.5;

	private static final String MARKER_RIM = "#FFFFFF";

	private SeriesPainter() {
	}

	/**
	 * The stroke of a series' line, with no fill of its own; give the shape its own fill
	 * where it has one.
	 */
	static Paint stroke(SeriesStyle style) {
		return new Paint(null, null, style.colour(), LINE_WIDTH, style.dashArray().isEmpty() ? null : style.dashArray(),
				true);
	}

	/**
	 * The runs of consecutive present points (null = missing value). With {@code cyclic}
	 * the last point is followed by the first, as around a radar.
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

	/**
	 * Lines through each run of two or more points; a lone point between gaps shows only
	 * its marker.
	 */
	static void lines(Drawing drawing, SeriesStyle style, List<Point> points, boolean cyclic) {
		for (List<Point> run : runs(points, cyclic)) {
			if (run.size() > 1) {
				drawing.add(new Polygon(run, false, stroke(style).withFill(Paint.NONE, null)));
			}
		}
	}

	/**
	 * Markers with a white rim, so they stay visible where lines of several series cross.
	 */
	static void markers(Drawing drawing, String id, SeriesStyle style, List<Point> points) {
		drawing.open(id, new Paint(style.colour(), null, MARKER_RIM, 1d, null, false));
		points.stream().filter(point -> point != null).forEach(point -> marker(drawing, style.marker(), point));
		drawing.close();
	}

	private static void marker(Drawing drawing, Marker marker, Point at) {
		double r = MARKER_RADIUS;
		switch (marker) {
			case CIRCLE -> drawing.add(new Circle(at, r * 0.9, Paint.INHERITED));
			case SQUARE -> drawing.add(new Rect(at.x() - r * 0.8, at.y() - r * 0.8, r * 1.6, r * 1.6, Paint.INHERITED));
			case TRIANGLE -> shape(drawing, at, 0, -1.25, 1.1, 0.75, -1.1, 0.75);
			case TRIANGLE_DOWN -> shape(drawing, at, 0, 1.25, 1.1, -0.75, -1.1, -0.75);
			case DIAMOND -> shape(drawing, at, 0, -1.15, 1.15, 0, 0, 1.15, -1.15, 0);
			case PLUS -> shape(drawing, at, plus(0));
			case CROSS -> shape(drawing, at, plus(Math.PI / 4));
		}
	}

	/** A polygon given as (dx, dy) pairs in marker radii from the marker's centre. */
	private static void shape(Drawing drawing, Point at, double... offsets) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < offsets.length; i += 2) {
			points.add(new Point(at.x() + offsets[i] * MARKER_RADIUS, at.y() + offsets[i + 1] * MARKER_RADIUS));
		}
		drawing.add(new Polygon(points, true, Paint.INHERITED));
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
