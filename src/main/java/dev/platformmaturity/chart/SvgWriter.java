package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes SVG markup. Every attribute value and text goes through escaping here, so user data (team names, labels,
 * titles) can never break the document, and every number is written with a '.' and at most two decimals.
 */
final class SvgWriter {

	private static final String FONT_FAMILY = "sans-serif";

	private static final String NAMESPACE = "http://www.w3.org/2000/svg";

	private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

	private final StringBuilder out = new StringBuilder(8192);

	private final String idPrefix;

	/**
	 * Opens the root element with the accessible name and description that screen readers announce for the image.
	 */
	SvgWriter(String idPrefix, String title, String description, double width, double height) {
		this.idPrefix = idPrefix;
		open("svg", "xmlns", NAMESPACE, "width", width, "height", height, "viewBox",
				"0 0 " + number(width) + " " + number(height), "role", "img", "aria-labelledby",
				id("title") + " " + id("desc"));
		element("title", title, "id", id("title"));
		element("desc", description, "id", id("desc"));
	}

	/** Ids are unique per chart, so several charts can share one page. */
	static void checkIdPrefix(String idPrefix) {
		if (idPrefix == null || !ID_PREFIX.matcher(idPrefix).matches()) {
			throw new IllegalArgumentException("An id prefix must be a letter then letters, digits, '-' or '_', not "
					+ idPrefix);
		}
	}

	String id(String name) {
		return idPrefix + "-" + name;
	}

	/** Attributes are name-value pairs; a null value leaves the attribute out. */
	SvgWriter open(String name, Object... attributes) {
		tag(name, attributes);
		out.append('>');
		return this;
	}

	SvgWriter leaf(String name, Object... attributes) {
		tag(name, attributes);
		out.append("/>");
		return this;
	}

	SvgWriter element(String name, String content, Object... attributes) {
		open(name, attributes);
		escape(content);
		return close(name);
	}

	/** Text in the charts' font; a text of several lines is one element with a line per tspan. */
	SvgWriter text(List<String> lines, double x, double y, double lineHeight, int fontSize, String anchor,
			String fill, Object... attributes) {
		Object[] font = { "x", x, "y", y, "font-family", FONT_FAMILY, "font-size", fontSize, "text-anchor", anchor,
				"fill", fill };
		open("text", concat(font, attributes));
		if (lines.size() == 1) {
			escape(lines.get(0));
		}
		else {
			for (int i = 0; i < lines.size(); i++) {
				element("tspan", lines.get(i), "x", x, "y", y + i * lineHeight);
			}
		}
		return close("text");
	}

	SvgWriter text(String content, double x, double y, int fontSize, String anchor, String fill,
			Object... attributes) {
		return text(List.of(content), x, y, 0, fontSize, anchor, fill, attributes);
	}

	SvgWriter close(String name) {
		out.append("</").append(name).append('>');
		return this;
	}

	String finish() {
		return close("svg").out.toString();
	}

	static Object[] concat(Object[] attributes, Object[] more) {
		Object[] all = Arrays.copyOf(attributes, attributes.length + more.length);
		System.arraycopy(more, 0, all, attributes.length, more.length);
		return all;
	}

	static String number(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String points(List<Point> points) {
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

	/** Also drops characters XML 1.0 forbids (most control characters), which no escape can make well-formed. */
	private void escape(String text) {
		text.codePoints().forEach(c -> {
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

	record Point(double x, double y) {
	}

}
