package dev.platformmaturity.chart;

import java.math.BigDecimal;
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

class RadarChartTest {

	private static final List<String> ASPECTS = List.of("Investment", "Adoption", "Interfaces", "Operations",
			"Measurement");

	@Test
	void isWellFormedPortableSvgWithAnAccessibleNameAndDescription() {
		SvgDocument svg = SvgDocument.parse(RadarChart
			.svg(spec("team-7", ASPECTS, new Series("Current", values("2.33 2.67 3 2 1.5"), SeriesStyle.CURRENT),
					new Series("Target", values("3 3 3 3 2"), SeriesStyle.TARGET))));

		svg.assertPortable();
		svg.assertAccessible("team-7", "Radar of Team 7", "Scores per aspect");
		assertThat(number(svg.root, "width")).isGreaterThanOrEqualTo(520);
	}

	@Test
	void drawsACompleteSeriesAsOneClosedOutlineWithTheFirstAxisAtTheTopAndTheOthersClockwise() {
		SvgDocument svg = SvgDocument.parse(RadarChart
			.svg(spec("radar", ASPECTS, new Series("Current", values("4 2 3 1 2.5"), SeriesStyle.CURRENT))));
		Geometry geometry = new Geometry(svg, "radar");

		Element outline = svg.byId("radar-series-0");
		assertThat(children(outline)).singleElement()
			.satisfies(polygon -> assertThat(polygon.getLocalName()).isEqualTo("polygon"));
		List<Point> points = points(children(outline).get(0));
		assertThat(points).hasSize(5);
		assertThat(points.get(0).x()).as("value 4 on the first axis: top of the outer ring")
			.isCloseTo(geometry.centre.x(), within(0.01));
		assertThat(points.get(0).y()).isCloseTo(geometry.centre.y() - geometry.radius, within(0.01));
		for (int axis = 0; axis < 5; axis++) {
			double value = new double[] { 4, 2, 3, 1, 2.5 }[axis];
			Point expected = geometry.at(axis, 5, value / 4);
			assertThat(points.get(axis).distanceTo(expected)).as("axis %d", axis).isLessThan(0.02);
		}
		assertThat(points.get(1).x()).as("clockwise: the second axis is right of the centre")
			.isGreaterThan(geometry.centre.x());
	}

	@Test
	void placesValuesOnAFourAxisChartAtTheirShareOfTheRadius() {
		SvgDocument svg = SvgDocument.parse(RadarChart
			.svg(spec("four", ASPECTS.subList(0, 4), new Series("Current", values("1 2.5 4 3"), SeriesStyle.CURRENT))));
		Geometry geometry = new Geometry(svg, "four");

		List<Point> points = points(children(svg.byId("four-series-0")).get(0));

		assertThat(points.get(1).x()).isCloseTo(geometry.centre.x() + geometry.radius * 2.5 / 4, within(0.01));
		assertThat(points.get(1).y()).isCloseTo(geometry.centre.y(), within(0.01));
		assertThat(points.get(2).y()).as("bottom").isCloseTo(geometry.centre.y() + geometry.radius, within(0.01));
		assertThat(points.get(3).x()).as("left").isCloseTo(geometry.centre.x() - geometry.radius * 3 / 4, within(0.01));
	}

	@Test
	void drawsARingPerLevelWithItsNumberAndASpokePerAxis() {
		SvgDocument svg = SvgDocument.parse(RadarChart.svg(spec("grid", ASPECTS)));
		Geometry geometry = new Geometry(svg, "grid");

		List<Element> rings = elements(svg.byId("grid-grid"), "polygon");
		assertThat(rings).hasSize(4);
		for (int level = 1; level <= 4; level++) {
			List<Point> ring = points(rings.get(level - 1));
			assertThat(ring).hasSize(5);
			for (int axis = 0; axis < 5; axis++) {
				assertThat(ring.get(axis).distanceTo(geometry.at(axis, 5, level / 4d))).isLessThan(0.02);
			}
		}
		assertThat(elements(svg.byId("grid-grid"), "line")).hasSize(5);
		assertThat(svg.texts(svg.byId("grid-levels"))).containsExactly("1", "2", "3", "4");
		assertThat(svg.texts(svg.byId("grid-axes"))).containsExactlyElementsOf(ASPECTS);
	}

	@ParameterizedTest(name = "[{0}] is drawn as lines of {1} points, {2} markers")
	@CsvSource(delimiter = '|', textBlock = """
			4 3 null 2 1         | 4     | 4
			null 3 3 3 3         | 4     | 4
			3 3 3 3 null         | 4     | 4
			3 3 null 3 3 null    | 2 2   | 4
			3 null 3 null 3      | 2     | 3
			null 2 null 3 null   |       | 2
			null null null null 4|       | 1
			null null null null null |   | 0
			""")
	void leavesAGapAtAMissingValueInsteadOfDrawingItAtTheCentre(String values, String lineSizes, int markers) {
		List<BigDecimal> scores = values(values);
		List<String> axes = List.of("A", "B", "C", "D", "E", "F").subList(0, scores.size());
		SvgDocument svg = SvgDocument
			.parse(RadarChart.svg(spec("gap", axes, new Series("Current", scores, SeriesStyle.CURRENT))));
		Geometry geometry = new Geometry(svg, "gap");

		Element outline = svg.byId("gap-series-0");
		assertThat(elements(outline, "polygon")).as("not closed").isEmpty();
		List<Element> lines = elements(outline, "polyline");
		assertThat(lines).extracting(line -> points(line).size())
			.containsExactlyElementsOf(
					lineSizes == null ? List.of() : values(lineSizes).stream().map(BigDecimal::intValue).toList());
		assertThat(lines).allSatisfy(line -> assertThat(line.getAttribute("fill")).isEqualTo("none"));
		assertThat(lines).flatMap(SvgDocument::points)
			.allSatisfy(point -> assertThat(point.distanceTo(geometry.centre)).isGreaterThan(1));
		List<Point> markerCentres = SvgDocument.markerCentres(svg.byId("gap-markers-0"));
		assertThat(markerCentres).hasSize(markers);
		List<Point> expected = IntStream.range(0, scores.size())
			.filter(axis -> scores.get(axis) != null)
			.mapToObj(axis -> geometry.at(axis, scores.size(), scores.get(axis).doubleValue() / 4))
			.toList();
		for (int i = 0; i < markers; i++) {
			assertThat(markerCentres.get(i).distanceTo(expected.get(i))).isLessThan(0.05);
		}
	}

	@Test
	void connectsTheLastAxisToTheFirstAcrossTheTopWhenTheGapIsElsewhere() {
		SvgDocument svg = SvgDocument.parse(RadarChart
			.svg(spec("wrap", ASPECTS, new Series("Current", values("4 3 null 2 1"), SeriesStyle.CURRENT))));
		Geometry geometry = new Geometry(svg, "wrap");

		List<Point> line = points(elements(svg.byId("wrap-series-0"), "polyline").get(0));

		assertThat(line).hasSize(4);
		assertThat(line.get(0).distanceTo(geometry.at(3, 5, 2 / 4d))).isLessThan(0.02);
		assertThat(line.get(1).distanceTo(geometry.at(4, 5, 1 / 4d))).isLessThan(0.02);
		assertThat(line.get(2).distanceTo(geometry.at(0, 5, 1))).isLessThan(0.02);
		assertThat(line.get(3).distanceTo(geometry.at(1, 5, 3 / 4d))).isLessThan(0.02);
	}

	@Test
	void putsAMarkerAtEveryValueOfEverySeries() {
		SvgDocument svg = SvgDocument
			.parse(RadarChart.svg(spec("m", ASPECTS, new Series("Previous", values("1 2 2 1 1"), SeriesStyle.PREVIOUS),
					new Series("Target", values("3 3 null 3 2"), SeriesStyle.TARGET),
					new Series("Current", values("2 2.5 3 1.5 1"), SeriesStyle.CURRENT))));

		assertThat(children(svg.byId("m-markers-0"))).hasSize(5)
			.allSatisfy(m -> assertThat(m.getLocalName()).isEqualTo("rect"));
		assertThat(children(svg.byId("m-markers-1"))).hasSize(4)
			.allSatisfy(m -> assertThat(m.getLocalName()).isEqualTo("polygon"));
		assertThat(children(svg.byId("m-markers-2"))).hasSize(5)
			.allSatisfy(m -> assertThat(m.getLocalName()).isEqualTo("circle"));
	}

	@Test
	void fillsOnlyACompleteSeriesWhoseStyleHasAnArea() {
		SvgDocument svg = SvgDocument
			.parse(RadarChart.svg(spec("f", ASPECTS, new Series("Target", values("3 3 3 3 2"), SeriesStyle.TARGET),
					new Series("Current", values("2 2.5 3 1.5 1"), SeriesStyle.CURRENT),
					new Series("Current with gap", values("2 null 3 1.5 1"), SeriesStyle.CURRENT))));

		Element target = elements(svg.byId("f-series-0"), "polygon").get(0);
		Element current = elements(svg.byId("f-series-1"), "polygon").get(0);
		assertThat(target.getAttribute("fill")).isEqualTo("none");
		assertThat(target.getAttribute("stroke-dasharray")).isEqualTo("7 4");
		assertThat(current.getAttribute("fill")).isEqualTo("#0072B2");
		assertThat(Double.parseDouble(current.getAttribute("fill-opacity"))).isBetween(0.05, 0.5);
		assertThat(current.hasAttribute("stroke-dasharray")).as("solid").isFalse();
		assertThat(elements(svg.byId("f-series-2"), "*"))
			.allSatisfy(line -> assertThat(line.getAttribute("fill")).isEqualTo("none"));
	}

	@Test
	void escapesUserTextSoTheDocumentStaysWellFormed() {
		String title = "Team \"R&D\" <Core> 'radar'";
		String svgText = RadarChart
			.svg(new RadarChart.Spec("esc", title, "A & B < C > D", List.of("Ops & <Run>", "B", "C"), 4,
					List.of(new Series("R&D <Core>", values("1 2 3"), SeriesStyle.forIndex(0)))));
		SvgDocument svg = SvgDocument.parse(svgText);

		svg.assertAccessible("esc", title, "A & B < C > D");
		assertThat(svg.texts(svg.byId("esc-axes"))).contains("Ops & <Run>");
		assertThat(svg.texts(svg.byId("esc-legend"))).containsExactly("R&D <Core>");
		assertThat(svgText).contains("R&amp;D &lt;Core&gt;").doesNotContain("<Core>", "<Run>");
	}

	@Test
	void dropsCharactersThatXmlCannotHold() {
		SvgDocument svg = SvgDocument.parse(RadarChart.svg(new RadarChart.Spec("ctl", "Bell\u0007 and\u0000 nul", "d",
				List.of("A\u001B", "B", "C"), 4, List.of())));

		assertThat(svg.byId("ctl-title").getTextContent()).isEqualTo("Bell and nul");
		assertThat(svg.texts(svg.byId("ctl-axes"))).containsExactly("A", "B", "C");
	}

	@Test
	void dropsBidiControlsFromUserTextAsPagesDo() {
		String svgText = RadarChart
			.svg(new RadarChart.Spec("bidi", "Radar of Evil\u202Egnp.exe", "d", List.of("A", "B", "C"), 4,
					List.of(new Series("Team \u2067x\u2069\u202Eevil", values("1 2 3"), SeriesStyle.forIndex(0)))));
		SvgDocument svg = SvgDocument.parse(svgText);

		assertThat(svg.byId("bidi-title").getTextContent()).isEqualTo("Radar of Evilgnp.exe");
		assertThat(svg.texts(svg.byId("bidi-legend"))).containsExactly("Team xevil");
		assertThat(svgText).doesNotContain("\u202E", "\u2067", "\u2069");
	}

	@Test
	void legendListsEverySeriesWithItsLineAndMarker() {
		SvgDocument svg = SvgDocument.parse(
				RadarChart.svg(spec("l", ASPECTS, new Series("Payments", values("1 2 2 1 1"), SeriesStyle.forIndex(0)),
						new Series("Data Platform", values("3 3 null 3 2"), SeriesStyle.forIndex(1)),
						new Series("Mobile", values("2 2.5 3 1.5 1"), SeriesStyle.forIndex(2)),
						new Series("Developer Experience and Tooling", values("2 2 2 2 2"), SeriesStyle.forIndex(3)))));

		Element legend = svg.byId("l-legend");
		assertThat(svg.texts(legend)).containsExactly("Payments", "Data Platform", "Mobile",
				"Developer Experience and Tooling");
		assertThat(elements(legend, "line")).extracting(line -> line.getAttribute("stroke"))
			.containsExactly("#0072B2", "#E69F00", "#009E73", "#CC79A7");
		double chartBottom = elements(svg.byId("l-axes"), "text").stream()
			.mapToDouble(text -> number(text, "y"))
			.max()
			.orElseThrow();
		assertThat(elements(legend, "line")).allSatisfy(line -> {
			assertThat(number(line, "y1")).as("below the chart").isGreaterThan(chartBottom);
			assertThat(number(line, "x1")).isGreaterThanOrEqualTo(0);
			assertThat(number(line, "x2")).isLessThanOrEqualTo(number(svg.root, "width"));
		});
		assertThat(number(svg.root, "height")).isGreaterThan(
				elements(legend, "line").stream().mapToDouble(line -> number(line, "y1")).max().orElseThrow());
	}

	@Test
	void seriesOfEqualStandingDifferInColourDashAndMarker() {
		List<SeriesStyle> styles = IntStream.range(0, 7).mapToObj(SeriesStyle::forIndex).toList();

		assertThat(styles).extracting(SeriesStyle::colour).doesNotHaveDuplicates();
		assertThat(styles).extracting(SeriesStyle::dashArray).doesNotHaveDuplicates();
		assertThat(styles.subList(0, SeriesStyle.Marker.values().length)).extracting(SeriesStyle::marker)
			.doesNotHaveDuplicates();
		assertThat(List.of(SeriesStyle.CURRENT, SeriesStyle.TARGET, SeriesStyle.PREVIOUS))
			.extracting(SeriesStyle::dashArray)
			.doesNotHaveDuplicates();
	}

	@Test
	void writesNumbersWithADecimalPointWhateverTheDefaultLocale() {
		SvgDocument.assertDecimalPointsUnderAGermanLocale(() -> RadarChart
			.svg(spec("de", ASPECTS, new Series("Current", values("2.33 2.67 1.5 2 1.25"), SeriesStyle.CURRENT))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			too few values     | ok    | 4      | 1 2 3 4
			too many values    | ok    | 4      | 1 2 3 4 4 4
			value above max    | ok    | 4      | 1 2 3 4 4.01
			negative value     | ok    | 4      | 1 2 -1 4 4
			no levels          | ok    | 0      | 0 0 0 0 0
			id with a space    | a b   | 4      | 1 2 3 4 4
			id with a quote    | a"    | 4      | 1 2 3 4 4
			id starting digit  | 1a    | 4      | 1 2 3 4 4
			""")
	void refusesAnInconsistentSpec(String problem, String idPrefix, int maxValue, String values) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RadarChart.Spec(idPrefix, "t", "d", ASPECTS, maxValue,
				List.of(new Series("s", values(values), SeriesStyle.CURRENT))));
	}

	@Test
	void acceptsTheSpecOfTheRefusalTableWhenItIsConsistent() {
		assertThat(new RadarChart.Spec("ok", "t", "d", ASPECTS, 4,
				List.of(new Series("s", values("1 2 3 4 4"), SeriesStyle.CURRENT)))
			.series()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			English | Investment,Adoption,Interfaces,Operations,Measurement | Previous quarter 2026-Q3 | Score 2026-Q4
			Chinese | 投入,采用,接口,运营,衡量 | 上一季度 2026-Q3 | 得分 2026-Q4
			""")
	void largeTextsStayAtLeast11PxTallWhenTheChartIsShrunkToAPhonesWidth(String language, String aspects,
			String previous, String current) {
		List<String> axes = List.of(aspects.split(","));
		Series[] series = { new Series(previous, values("2 2 3 1 1"), SeriesStyle.PREVIOUS),
				new Series("Target", values("3 3 3 2 2"), SeriesStyle.TARGET),
				new Series(current, values("2.5 2 3 1.75 1"), SeriesStyle.CURRENT) };

		SvgDocument large = SvgDocument.parse(RadarChart.svg(spec("large", axes, series), RadarChart.TextSize.LARGE));
		SvgDocument regular = SvgDocument.parse(RadarChart.svg(spec("regular", axes, series)));

		large.assertPortable();
		assertThat(smallestTextOnAPhone(large)).as("LARGE, %s", language).isGreaterThanOrEqualTo(11);
		assertThat(smallestTextOnAPhone(regular)).as("REGULAR, %s: why LARGE exists", language).isLessThan(11);
		assertThat(new Geometry(large, "large").radius).isEqualTo(new Geometry(regular, "regular").radius);
	}

	/**
	 * The height in px of the chart's smallest text when the chart is drawn 358 px wide.
	 */
	private static double smallestTextOnAPhone(SvgDocument svg) {
		double scale = 358 / number(svg.root, "width");
		List<Element> texts = elements(svg.root, "text");
		assertThat(texts).hasSizeGreaterThan(10);
		return texts.stream().mapToDouble(text -> number(text, "font-size") * scale).min().orElseThrow();
	}

	private static RadarChart.Spec spec(String idPrefix, List<String> axes, Series... series) {
		return new RadarChart.Spec(idPrefix, "Radar of Team 7", "Scores per aspect", axes, 4, List.of(series));
	}

	/**
	 * The centre and outer radius as drawn: where the spokes start, and where the outer
	 * ring meets the first one.
	 */
	private static final class Geometry {

		final Point centre;

		final double radius;

		Geometry(SvgDocument svg, String idPrefix) {
			Element firstSpoke = elements(svg.byId(idPrefix + "-grid"), "line").get(0);
			centre = new Point(number(firstSpoke, "x1"), number(firstSpoke, "y1"));
			radius = centre.y() - number(firstSpoke, "y2");
			assertThat(number(firstSpoke, "x2")).as("the first spoke points up").isEqualTo(centre.x());
			assertThat(radius).isGreaterThan(100);
		}

		Point at(int axis, int axes, double shareOfRadius) {
			double angle = 2 * Math.PI * axis / axes;
			return new Point(centre.x() + Math.sin(angle) * radius * shareOfRadius,
					centre.y() - Math.cos(angle) * radius * shareOfRadius);
		}

	}

}
