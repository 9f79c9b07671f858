package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.platformmaturity.chart.Chart.Circle;
import dev.platformmaturity.chart.Chart.Group;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Polygon;
import dev.platformmaturity.chart.Chart.Rect;
import dev.platformmaturity.chart.Chart.Shape;
import dev.platformmaturity.chart.Chart.Text;
import dev.platformmaturity.shared.DisplayText;

/**
 * Writes a chart as SVG markup with its text in the given font family. Every attribute
 * value and text goes through escaping here, so user data (team names, labels, titles)
 * can never break the document or reorder the page, and every number is written with a
 * '.' and at most two decimals.
 */
final class SvgWriter {

	private static final String NAMESPACE = "http://www.w3.org/2000/svg";

	private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

	private final String fontFamily;

	private final StringBuilder out = new StringBuilder(8192);

	SvgWriter(String fontFamily) {
		this.fontFamily = fontFamily;
	}

	/**
	 * The root element carries the accessible name and description that screen readers
	 * announce for the image.
	 */
	String write(Chart chart) {
		String prefix = chart.idPrefix();
		open("svg", "xmlns", NAMESPACE, "width", chart.width(), "height", chart.height(), "viewBox",
				"0 0 " + number(chart.width()) + " " + number(chart.height()), "role", "img", "aria-labelledby",
				prefix + "-title " + prefix + "-desc");
		element("title", chart.title(), "id", prefix + "-title");
		element("desc", chart.description(), "id", prefix + "-desc");
		chart.shapes().forEach(this::shape);
		close("svg");
		return out.toString();
	}

	static void checkIdPrefix(String idPrefix) {
		if (idPrefix == null || !ID_PREFIX.matcher(idPrefix).matches()) {
			throw new IllegalArgumentException(
					"An id prefix must be a letter then letters, digits, '-' or '_', not " + idPrefix);
		}
	}

	private void shape(Shape shape) {
		if (shape instanceof Group group) {
			open("g", concat(new Object[] { "id", group.id() }, paint(group.paint())));
			group.shapes().forEach(this::shape);
			close("g");
		}
		else if (shape instanceof Line line) {
			leaf("line", concat(new Object[] { "x1", line.from().x(), "y1", line.from().y(), "x2", line.to().x(), "y2",
					line.to().y() }, paint(line.paint())));
		}
		else if (shape instanceof Polygon polygon) {
			leaf(polygon.closed() ? "polygon" : "polyline",
					concat(new Object[] { "points", points(polygon.points()) }, paint(polygon.paint())));
		}
		else if (shape instanceof Circle circle) {
			leaf("circle",
					concat(new Object[] { "cx", circle.centre().x(), "cy", circle.centre().y(), "r", circle.radius() },
							paint(circle.paint())));
		}
		else if (shape instanceof Rect rect) {
			leaf("rect", concat(
					new Object[] { "x", rect.x(), "y", rect.y(), "width", rect.width(), "height", rect.height() },
					paint(rect.paint())));
		}
		else if (shape instanceof Text text) {
			text(text);
		}
	}

	private static Object[] paint(Paint paint) {
		return new Object[] { "fill", paint.fill(), "fill-opacity", paint.fillOpacity(), "stroke", paint.stroke(),
				"stroke-width", paint.strokeWidth(), "stroke-dasharray", paint.dashArray(), "stroke-linejoin",
				paint.roundJoin() ? "round" : null };
	}

	/** A text of several lines is one element with a line per tspan. */
	private void text(Text text) {
		open("text", "x", text.x(), "y", text.y(), "font-family", fontFamily, "font-size", text.fontSize(),
				"text-anchor", text.anchor().name().toLowerCase(Locale.ROOT), "fill", text.colour(), "transform",
				text.rotation() == 0 ? null
						: "rotate(" + number(text.rotation()) + " " + number(text.x()) + " " + number(text.y()) + ")");
		List<String> lines = text.lines();
		if (lines.size() == 1) {
			escape(lines.get(0));
		}
		else {
			for (int i = 0; i < lines.size(); i++) {
				element("tspan", lines.get(i), "x", text.x(), "y", text.y() + i * text.lineHeight());
			}
		}
		close("text");
	}

	/** Attributes are name-value pairs; a null value leaves the attribute out. */
	private void open(String name, Object... attributes) {
		tag(name, attributes);
		out.append('>');
	}

	private void leaf(String name, Object... attributes) {
		tag(name, attributes);
		out.append("/>");
	}

	private void element(String name, String content, Object... attributes) {
		open(name, attributes);
		escape(content);
		close(name);
	}

	private void close(String name) {
		out.append("</").append(name).append('>');
	}

	private static Object[] concat(Object[] attributes, Object[] more) {
		Object[] all = Arrays.copyOf(attributes, attributes.length + more.length);
		System.arraycopy(more, 0, all, attributes.length, more.length);
		return all;
	}

	static String number(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String points(List<Point> points) {
		return points.stream()
			.map(point -> number(point.x()) + "," + number(point.y()))
			.collect(Collectors.joining(" "));
	}

	private void tag(String name, Object[] attributes) {
		out.append('<').append(name);
		for (int i = 0; i < attributes.length; i += 2) {
			attribute((String) attributes[i], attributes[i + 1]);
		}
	}

	private void attribute(String name, Object value) {
		if (value == null) {
			return;
		}
		out.append(' ').append(name).append("=\"");
		escape(value instanceof Double number ? number(number) : String.valueOf(value));
		out.append('"');
	}

	/**
	 * Also drops characters XML 1.0 forbids (most control characters), which no escape
	 * can make well-formed, and bidi controls, as every page does for names
	 * ({@link DisplayText}).
	 */
	private void escape(String text) {
		DisplayText.of(text).codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (allowedInXml(c)) {
						out.appendCodePoint(c);
					}
				}
			}
		});
	}

	private static boolean allowedInXml(int c) {
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| c >= 0x10000;
	}

}
