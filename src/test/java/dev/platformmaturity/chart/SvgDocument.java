package dev.platformmaturity.chart;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chart's SVG parsed with the JDK's XML parser, which fails the test unless the markup
 * is well-formed.
 */
final class SvgDocument {

	static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

	private static final List<String> NUMERIC_ATTRIBUTES = List.of("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
			"width", "height", "stroke-width", "fill-opacity", "font-size");

	final String source;

	final Element root;

	private SvgDocument(String source, Element root) {
		this.source = source;
		this.root = root;
	}

	static SvgDocument parse(String svg) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return new SvgDocument(svg,
					factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement());
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + ex.getMessage() + "\n" + svg, ex);
		}
	}

	/** Null values are written "null": "4 2.5 null 1". */
	/**
	 * Draws a chart under a default locale that writes decimals with a comma, and checks
	 * the SVG still uses decimal points (and has decimals to check).
	 */
	static void assertDecimalPointsUnderAGermanLocale(Supplier<String> chart) {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			String svgText = chart.get();

			parse(svgText).assertPortable();
			assertThat(svgText).as("decimals present to check").containsPattern("points=\"[^\"]*\\d\\.\\d+,");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	static List<BigDecimal> values(String values) {
		return Arrays.stream(values.trim().split(" +"))
			.map(value -> value.equals("null") ? null : new BigDecimal(value))
			.toList();
	}

	Element byId(String id) {
		return elements(root, "*").stream()
			.filter(element -> element.getAttribute("id").equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No element with id " + id));
	}

	/** Descendants in the SVG namespace; "*" for all of them. */
	static List<Element> elements(Element parent, String localName) {
		NodeList nodes = parent.getElementsByTagNameNS(SVG_NAMESPACE, localName);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	static List<Point> points(Element shape) {
		return Arrays.stream(shape.getAttribute("points").trim().split(" ")).map(pair -> {
			String[] xy = pair.split(",");
			return new Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
		}).toList();
	}

	static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

	/**
	 * The centre of each marker: circles by their centre, squares and polygons by their
	 * bounding box.
	 */
	static List<Point> markerCentres(Element markers) {
		return children(markers).stream().map(marker -> switch (marker.getLocalName()) {
			case "circle" -> new Point(number(marker, "cx"), number(marker, "cy"));
			case "rect" -> new Point(number(marker, "x") + number(marker, "width") / 2,
					number(marker, "y") + number(marker, "height") / 2);
			default -> {
				List<Point> corners = points(marker);
				double minX = corners.stream().mapToDouble(Point::x).min().orElseThrow();
				double maxX = corners.stream().mapToDouble(Point::x).max().orElseThrow();
				double minY = corners.stream().mapToDouble(Point::y).min().orElseThrow();
				double maxY = corners.stream().mapToDouble(Point::y).max().orElseThrow();
				yield new Point((minX + maxX) / 2, (minY + maxY) / 2);
			}
		}).toList();
	}

	List<String> texts(Element parent) {
		return elements(parent, "text").stream().map(Element::getTextContent).toList();
	}

	/**
	 * Any SVG renderer, not only browsers, can draw plain SVG 1.1 with presentation
	 * attributes and numbers written with a '.' whatever the default locale.
	 */
	void assertPortable() {
		assertThat(root.getNamespaceURI()).isEqualTo(SVG_NAMESPACE);
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(source).doesNotContain("rgba(", "var(", "<style", "style=", "<script", "href", "url(");
		assertThat(elements(root, "text")).allSatisfy(text -> {
			assertThat(text.getAttribute("font-family")).isEqualTo("sans-serif");
			assertThat(text.getAttribute("font-size")).isNotEmpty();
		});
		for (Element element : elements(root, "*")) {
			for (String attribute : NUMERIC_ATTRIBUTES) {
				if (element.hasAttribute(attribute)) {
					assertThat(element.getAttribute(attribute)).as(attribute).matches(NUMBER);
				}
			}
			if (element.hasAttribute("points")) {
				assertThat(element.getAttribute("points").split(" "))
					.allSatisfy(pair -> assertThat(pair).matches(NUMBER.pattern() + "," + NUMBER.pattern()));
			}
		}
		assertThat(root.getAttribute("viewBox").split(" ")).allSatisfy(number -> assertThat(number).matches(NUMBER));
	}

	void assertAccessible(String idPrefix, String title, String description) {
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("aria-labelledby")).isEqualTo(idPrefix + "-title " + idPrefix + "-desc");
		Element titleElement = byId(idPrefix + "-title");
		Element descElement = byId(idPrefix + "-desc");
		assertThat(titleElement.getLocalName()).isEqualTo("title");
		assertThat(titleElement.getParentNode()).isEqualTo(root);
		assertThat(titleElement.getTextContent()).isEqualTo(title);
		assertThat(descElement.getLocalName()).isEqualTo("desc");
		assertThat(descElement.getTextContent()).isEqualTo(description);
		assertThat(root.getAttribute("viewBox"))
			.isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
		List<String> ids = elements(root, "*").stream()
			.map(element -> element.getAttribute("id"))
			.filter(id -> !id.isEmpty())
			.toList();
		assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith(idPrefix + "-"));
	}

	record Point(double x, double y) {

		double distanceTo(Point other) {
			return Math.hypot(x - other.x, y - other.y);
		}

	}

}
