package dev.platformmaturity.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.junit.jupiter.api.Test;

import dev.platformmaturity.chart.Chart;
import dev.platformmaturity.chart.LineChart;
import dev.platformmaturity.chart.RadarChart;
import dev.platformmaturity.chart.Series;
import dev.platformmaturity.chart.SeriesStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts in PDFs are the pages' charts: the shapes of the same {@link Chart} drawn as
 * vectors, with the series' colours, dash patterns and area opacity, and their labels and
 * legends as real text in the report fonts.
 */
class ChartPainterTest {

	private static final ReportFonts FONTS = new ReportFonts();

	private static final List<String> ASPECTS = List.of("Investment", "Adoption", "Interfaces", "Operations",
			"Measurement");

	@Test
	void aRadarKeepsItsSeriesColoursDashesAreaOpacityLabelsAndLegend() throws IOException {
		Chart radar = RadarChart.chart(new RadarChart.Spec("radar", "Scores", "d", ASPECTS, 4,
				List.of(new Series("Previous quarter 2026-Q3", values("1 2 2 1 1"), SeriesStyle.PREVIOUS),
						new Series("Target", values("3 3 3 3 2"), SeriesStyle.TARGET),
						new Series("Score 2026-Q4 支付", values("2 2.5 3 1.5 1"), SeriesStyle.CURRENT))));

		Drawn drawn = draw(radar, "en");

		assertThat(drawn.strokeColours()).contains(rgb("#0072B2"), rgb("#D55E00"), rgb("#737373"), rgb("#D4D4D4"));
		assertThat(drawn.fillColours()).contains(rgb("#0072B2"), rgb("#222222"), rgb("#666666"));
		assertThat(drawn.dashes()).contains(List.of(7f, 4f), List.of(2f, 3f));
		assertThat(drawn.fillOpacities()).containsExactly(0.18f);
		assertThat(drawn.text()).contains("Investment", "Measurement", "Previous quarter 2026-Q3", "Target",
				"Score 2026-Q4 支付");
	}

	@Test
	void aLineChartTurnsItsManyQuarterLabelsAndKeepsEverySeriesStyle() throws IOException {
		List<String> quarters = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			quarters.add((2024 + i / 4) + "-Q" + (i % 4 + 1));
		}
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			series.add(new Series(ASPECTS.get(i), quarters.stream().map(q -> BigDecimal.valueOf(2)).toList(),
					SeriesStyle.forIndex(i)));
		}
		Chart line = LineChart
			.chart(new LineChart.Spec("trend", "Trend", "d", quarters, BigDecimal.ONE, BigDecimal.valueOf(4), series));

		Drawn drawn = draw(line, "zh-CN");

		for (int i = 0; i < 5; i++) {
			SeriesStyle style = SeriesStyle.forIndex(i);
			assertThat(drawn.strokeColours()).contains(rgb(style.colour()));
			if (!style.dashArray().isEmpty()) {
				assertThat(drawn.dashes())
					.contains(Arrays.stream(style.dashArray().split(" ")).map(Float::valueOf).toList());
			}
		}
		assertThat(drawn.turnedTexts()).as("the quarter labels, turned by 45°").isPositive();
		assertThat(drawn.text()).as("the legend").contains("Investment", "Measurement");
	}

	/** What a form's content stream does, read back operator by operator. */
	private record Drawn(List<List<Float>> strokeColours, List<List<Float>> fillColours, List<List<Float>> dashes,
			List<Float> fillOpacities, int turnedTexts, String text) {
	}

	private static Drawn draw(Chart chart, String language) throws IOException {
		try (PDDocument document = new PDDocument(); ReportFonts.Parsed parsed = FONTS.borrow()) {
			DocumentFonts fonts = new DocumentFonts(document, parsed);
			PDFormXObject form = new ChartPainter(document, fonts, new ReportText(FONTS), ReportFonts.order(language))
				.paint(chart);
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawForm(form);
			}
			ByteArrayOutputStream saved = new ByteArrayOutputStream();
			document.save(saved);
			String text = Pdf.parse(saved.toByteArray()).text();

			List<List<Float>> strokes = new ArrayList<>();
			List<List<Float>> fills = new ArrayList<>();
			List<List<Float>> dashes = new ArrayList<>();
			List<Float> opacities = new ArrayList<>();
			int turned = 0;
			List<COSBase> operands = new ArrayList<>();
			for (Object token : new PDFStreamParser(form).parse()) {
				if (!(token instanceof Operator operator)) {
					operands.add((COSBase) token);
					continue;
				}
				switch (operator.getName()) {
					case "RG" -> strokes.add(numbers(operands));
					case "rg" -> fills.add(numbers(operands));
					case "d" -> {
						List<COSBase> lengths = new ArrayList<>();
						((COSArray) operands.get(0)).forEach(lengths::add);
						dashes.add(numbers(lengths));
					}
					case "gs" -> {
						PDExtendedGraphicsState state = form.getResources().getExtGState((COSName) operands.get(0));
						opacities.add(state.getNonStrokingAlphaConstant());
					}
					case "Tm" -> turned += Math.abs(((COSNumber) operands.get(1)).floatValue()) > 0.1 ? 1 : 0;
					default -> {
					}
				}
				operands.clear();
			}
			return new Drawn(strokes, fills, dashes.stream().filter(d -> !d.isEmpty()).toList(),
					opacities.stream().distinct().toList(), turned, text);
		}
	}

	private static List<Float> numbers(List<COSBase> operands) {
		return operands.stream().map(operand -> round(((COSNumber) operand).floatValue())).toList();
	}

	private static List<Float> rgb(String colour) {
		int value = Integer.parseInt(colour.substring(1), 16);
		return List.of(round((value >> 16 & 0xFF) / 255f), round((value >> 8 & 0xFF) / 255f),
				round((value & 0xFF) / 255f));
	}

	private static float round(float value) {
		return Math.round(value * 1000) / 1000f;
	}

	private static List<BigDecimal> values(String values) {
		return Arrays.stream(values.split(" ")).map(BigDecimal::new).toList();
	}

}
