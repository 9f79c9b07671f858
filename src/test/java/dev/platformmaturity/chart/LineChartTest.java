package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

import dev.platformmaturity.chart.SvgDocument.Point;

import static dev.platformmaturity.chart.SvgDocument.children;
import static dev.platformmaturity.chart.SvgDocument.elements;
import static dev.platformmaturity.chart.SvgDocument.number;
import static dev.platformmaturity.chart.SvgDocument.points;
import static dev.platformmaturity.chart.SvgDocument.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LineChartTest {

	private static final List<String> QUARTERS = List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");

	@Test
	void isWellFormedPortableSvgWithAnAccessibleNameAndDescription() {
		SvgDocument svg = SvgDocument.parse(LineChart.svg(spec("trend-3", QUARTERS,
				new Series("Investment", values("1.5 1.75 2 2.33 2.67"), SeriesStyle.forIndex(0)),
				new Series("Adoption", values("2 null 2.5 3 3"), SeriesStyle.forIndex(1)))));

		svg.assertPortable();
		svg.assertAccessible("trend-3", "Trend of Team 3", "Scores per quarter");
		assertThat(number(svg.root, "width")).isEqualTo(640);
	}

	@Test
	void drawsAGridLineWithItsLabelAtEveryWholeLevelAndValuesOnThatScale() {
		SvgDocument svg = SvgDocument.parse(LineChart
			.svg(spec("y", QUARTERS, new Series("Investment", values("4 1 2.5 3 4"), SeriesStyle.forIndex(0)))));

		List<Element> grid = elements(svg.byId("y-grid"), "line");
		assertThat(grid).hasSize(4)
			.allSatisfy(line -> assertThat(line.getAttribute("y1")).isEqualTo(line.getAttribute("y2")));
		List<Double> gridY = grid.stream().map(line -> number(line, "y1")).sorted().toList();
		double top = gridY.get(0);
		double bottom = gridY.get(3);
		List<Element> labels = elements(svg.byId("y-y-labels"), "text").stream()
			.sorted(Comparator.comparingDouble(text -> number(text, "y")))
			.toList();
		assertThat(labels).extracting(Element::getTextContent).containsExactly("4", "3", "2", "1");
		for (int i = 0; i < 4; i++) {
			assertThat(number(labels.get(i), "y")).as("label %d beside its line", 4 - i)
				.isCloseTo(gridY.get(i), within(6d));
		}
		List<Point> line = points(elements(svg.byId("y-series-0"), "polyline").get(0));
		assertThat(line).extracting(Point::y)
			.usingElementComparator((a, b) -> Math.abs(a - b) < 0.01 ? 0 : Double.compare(a, b))
			.containsExactly(top, bottom, (top + bottom) / 2, top + (bottom - top) / 3, top);
		List<Point> markers = SvgDocument.markerCentres(svg.byId("y-markers-0"));
		assertThat(markers.get(0).y()).as("value 4 on the top grid line").isCloseTo(top, within(0.01));
		assertThat(markers.get(1).y()).as("value 1 on the bottom grid line").isCloseTo(bottom, within(0.01));
	}

	@Test
	void placesThePointsInTheOrderOfTheXLabelsUnderTheirLabels() {
		SvgDocument svg = SvgDocument.parse(LineChart
			.svg(spec("x", QUARTERS, new Series("Investment", values("1 2 3 4 3"), SeriesStyle.forIndex(0)))));

		List<Point> markers = SvgDocument.markerCentres(svg.byId("x-markers-0"));
		List<Element> labels = elements(svg.byId("x-x-labels"), "text").stream()
			.sorted(Comparator.comparingDouble(text -> number(text, "x")))
			.toList();
		assertThat(labels).extracting(Element::getTextContent).containsExactlyElementsOf(QUARTERS);
		assertThat(labels).allSatisfy(label -> assertThat(label.hasAttribute("transform")).isFalse());
		for (int i = 0; i < QUARTERS.size(); i++) {
			assertThat(markers.get(i).x()).isCloseTo(number(labels.get(i), "x"), within(0.01));
		}
		assertThat(markers).extracting(Point::x).isSorted();
		Element axis = elements(svg.byId("x-axes"), "line").get(0);
		assertThat(markers.get(0).x()).as("clear of the y axis").isGreaterThan(number(axis, "x1") + 10);
	}

	@ParameterizedTest(name = "[{0}] is drawn as lines of {1} points, {2} markers")
	@CsvSource(delimiter = '|', textBlock = """
			1 2 3 4 3            | 5     | 5
			1 2 null 3 4         | 2 2   | 4
			null 2 3 4 null      | 3     | 3
			1 null 3 null 4      |       | 3
			null 2 null 3 3      | 2     | 3
			2 2 2 2 null         | 4     | 4
			null null null null 4|       | 1
			null null null null null |   | 0
			""")
	void breaksTheLineAtAMissingValueAndMarksALonePoint(String values, String lineSizes, int markers) {
		List<BigDecimal> scores = values(values);
		SvgDocument svg = SvgDocument
			.parse(LineChart.svg(spec("gap", QUARTERS, new Series("Investment", scores, SeriesStyle.forIndex(0)))));

		List<Element> lines = elements(svg.byId("gap-series-0"), "polyline");
		assertThat(lines).extracting(line -> points(line).size())
			.containsExactlyElementsOf(
					lineSizes == null ? List.of() : values(lineSizes).stream().map(BigDecimal::intValue).toList());
		assertThat(lines).allSatisfy(line -> assertThat(line.getAttribute("fill")).isEqualTo("none"));
		List<Point> markerCentres = SvgDocument.markerCentres(svg.byId("gap-markers-0"));
		assertThat(markerCentres).hasSize(markers);
		List<Double> labelX = elements(svg.byId("gap-x-labels"), "text").stream()
			.map(text -> number(text, "x"))
			.sorted()
			.toList();
		List<Double> presentX = IntStream.range(0, scores.size())
			.filter(i -> scores.get(i) != null)
			.mapToObj(labelX::get)
			.toList();
		assertThat(markerCentres).extracting(Point::x).containsExactlyElementsOf(presentX);
		assertThat(lines).flatMap(SvgDocument::points).extracting(Point::x).isSubsetOf(presentX);
	}

	@Test
	void turnsManyXLabelsAndThinsThemOutFromTheNewestWhenTheyDoNotFit() {
		List<String> quarters = IntStream.range(0, 48).mapToObj(i -> (2014 + i / 4) + "-Q" + (i % 4 + 1)).toList();
		List<BigDecimal> scores = quarters.stream().map(quarter -> new BigDecimal("2.5")).toList();
		SvgDocument svg = SvgDocument
			.parse(LineChart.svg(spec("many", quarters, new Series("Investment", scores, SeriesStyle.forIndex(0)))));

		List<Element> labels = elements(svg.byId("many-x-labels"), "text");
		assertThat(labels).allSatisfy(label -> assertThat(label.getAttribute("transform")).startsWith("rotate(-45 "));
		assertThat(labels).hasSizeBetween(12, 47);
		assertThat(labels).extracting(Element::getTextContent).contains("2025-Q4");
		List<Double> x = labels.stream().map(label -> number(label, "x")).sorted().toList();
		for (int i = 1; i < x.size(); i++) {
			assertThat(x.get(i) - x.get(i - 1)).as("room for a turned label").isGreaterThanOrEqualTo(14);
		}
		assertThat(elements(svg.byId("many-axes"), "line")).as("a tick for every quarter").hasSize(2 + 48);
		assertThat(children(svg.byId("many-markers-0"))).hasSize(48);
	}

	@Test
	void turnsNineXLabels() {
		List<String> quarters = IntStream.range(0, 9).mapToObj(i -> "2024-Q" + (i % 4 + 1) + "/" + i).toList();
		SvgDocument svg = SvgDocument.parse(LineChart.svg(spec("nine", quarters)));

		assertThat(elements(svg.byId("nine-x-labels"), "text")).hasSize(9)
			.allSatisfy(label -> assertThat(label.hasAttribute("transform")).isTrue());
	}

	@Test
	void escapesUserTextSoTheDocumentStaysWellFormed() {
		String svgText = LineChart.svg(new LineChart.Spec("esc", "Trend of \"R&D\" <Core>", "a < b & 'c'",
				List.of("Q1 <old>", "Q2 & Q3"), BigDecimal.ONE, BigDecimal.valueOf(4),
				List.of(new Series("R&D <Core>", values("1 2"), SeriesStyle.CURRENT))));
		SvgDocument svg = SvgDocument.parse(svgText);

		svg.assertAccessible("esc", "Trend of \"R&D\" <Core>", "a < b & 'c'");
		assertThat(svg.texts(svg.byId("esc-x-labels"))).containsExactlyInAnyOrder("Q1 <old>", "Q2 & Q3");
		assertThat(svg.texts(svg.byId("esc-legend"))).containsExactly("R&D <Core>");
		assertThat(svgText).doesNotContain("<Core>", "<old>");
	}

	@Test
	void legendListsEverySeriesBelowTheXLabels() {
		List<Series> series = IntStream.range(0, 7)
			.mapToObj(i -> new Series("Team number " + i, values("1 2 3 4 3"), SeriesStyle.forIndex(i)))
			.toList();
		SvgDocument svg = SvgDocument.parse(LineChart
			.svg(new LineChart.Spec("l", "t", "d", QUARTERS, BigDecimal.ONE, BigDecimal.valueOf(4), series)));

		Element legend = svg.byId("l-legend");
		assertThat(svg.texts(legend)).containsExactlyElementsOf(series.stream().map(Series::label).toList());
		double labelsBottom = elements(svg.byId("l-x-labels"), "text").stream()
			.mapToDouble(text -> number(text, "y"))
			.max()
			.orElseThrow();
		assertThat(elements(legend, "line")).allSatisfy(line -> {
			assertThat(number(line, "y1")).isGreaterThan(labelsBottom);
			assertThat(number(line, "y1")).isLessThan(number(svg.root, "height"));
			assertThat(number(line, "x1")).isGreaterThanOrEqualTo(0);
			assertThat(number(line, "x2")).isLessThanOrEqualTo(640);
		});
		assertThat(elements(legend, "line")).extracting(line -> line.getAttribute("stroke-dasharray"))
			.doesNotHaveDuplicates();
	}

	@Test
	void writesNumbersWithADecimalPointWhateverTheDefaultLocale() {
		SvgDocument.assertDecimalPointsUnderAGermanLocale(() -> LineChart.svg(spec("de", QUARTERS,
				new Series("Investment", values("1.33 1.67 2.33 2.67 3.33"), SeriesStyle.CURRENT))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			too few values  | 1 | 4 | 1 2 3 4
			too many values | 1 | 4 | 1 2 3 4 4 4
			value above max | 1 | 4 | 1 2 3 4 4.01
			value below min | 1 | 4 | 1 2 0.99 4 4
			empty scale     | 4 | 4 | 4 4 4 4 4
			inverted scale  | 4 | 1 | 2 2 2 2 2
			""")
	void refusesAnInconsistentSpec(String problem, BigDecimal yMin, BigDecimal yMax, String values) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LineChart.Spec("ok", "t", "d", QUARTERS, yMin, yMax,
				List.of(new Series("s", values(values), SeriesStyle.CURRENT))));
	}

	private static LineChart.Spec spec(String idPrefix, List<String> xLabels, Series... series) {
		return new LineChart.Spec(idPrefix, "Trend of Team 3", "Scores per quarter", xLabels, BigDecimal.ONE,
				BigDecimal.valueOf(4), List.of(series));
	}

}
