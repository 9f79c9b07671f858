package dev.platformmaturity.chart;

import java.util.List;

/**
 * A chart as drawn: its size and its shapes in painting order, in a coordinate space of
 * CSS pixels with y pointing down. The one drawing behind a chart wherever it appears:
 * written as SVG for pages ({@link #svg()}) and drawn as vectors straight into PDF
 * reports.
 *
 * @param idPrefix starts the ids of the chart's groups, unique per page
 * @param title the accessible name
 * @param description the accessible description
 */
public record Chart(String idPrefix, String title, String description, double width, double height,
		List<Shape> shapes) {

	/** The generic font family of SVG charts on pages: the browser's sans-serif. */
	public static final String SANS_SERIF = "sans-serif";

	public Chart {
		shapes = List.copyOf(shapes);
	}

	/** The chart as an SVG element for a page, its text in the browser's sans-serif. */
	public String svg() {
		return new SvgWriter(SANS_SERIF).write(this);
	}

	public sealed interface Shape permits Group, Line, Polygon, Circle, Rect, Text {

	}

	/**
	 * Shapes drawn together; their paint is inherited where theirs is not set. The id may
	 * be null.
	 */
	public record Group(String id, Paint paint, List<Shape> shapes) implements Shape {

		public Group {
			shapes = List.copyOf(shapes);
		}

	}

	public record Line(Point from, Point to, Paint paint) implements Shape {

	}

	/** A closed outline, or with {@code closed} false an open line through the points. */
	public record Polygon(List<Point> points, boolean closed, Paint paint) implements Shape {

		public Polygon {
			points = List.copyOf(points);
		}

	}

	public record Circle(Point centre, double radius, Paint paint) implements Shape {

	}

	public record Rect(double x, double y, double width, double height, Paint paint) implements Shape {

	}

	/**
	 * Text in one colour: a line per entry, the first with its baseline at y, the next
	 * ones {@code lineHeight} lower; {@code rotation} in degrees around (x, y), negative
	 * turning counter-clockwise as on screen.
	 */
	public record Text(List<String> lines, double x, double y, double lineHeight, int fontSize, Anchor anchor,
			String colour, double rotation) implements Shape {

		public Text {
			lines = List.copyOf(lines);
		}

	}

	/**
	 * Where text stands relative to its x: starting there, centred on it, ending there.
	 */
	public enum Anchor {

		START, MIDDLE, END

	}

	/**
	 * How a shape is filled and stroked; a null property is inherited from the enclosing
	 * group (SVG's defaults at the top: filled black, not stroked).
	 *
	 * @param fill {@code #RRGGBB} or {@link #NONE}
	 * @param stroke {@code #RRGGBB} or {@link #NONE}
	 * @param dashArray lengths of dashes and gaps separated by spaces, as SVG's
	 * {@code stroke-dasharray}
	 * @param roundJoin lines meet with rounded corners
	 */
	public record Paint(String fill, Double fillOpacity, String stroke, Double strokeWidth, String dashArray,
			boolean roundJoin) {

		public static final String NONE = "none";

		public static final Paint INHERITED = new Paint(null, null, null, null, null, false);

		static Paint fill(String colour) {
			return new Paint(colour, null, null, null, null, false);
		}

		static Paint stroke(String colour, double width) {
			return new Paint(null, null, colour, width, null, false);
		}

		Paint withFill(String colour, Double opacity) {
			return new Paint(colour, opacity, stroke, strokeWidth, dashArray, roundJoin);
		}

	}

	public record Point(double x, double y) {

	}

}
