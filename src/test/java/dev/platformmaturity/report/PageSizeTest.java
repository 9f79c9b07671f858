package dev.platformmaturity.report;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The paper size is configurable: A4 by default, US Letter on request. */
class PageSizeTest {

	@Test
	void rendersLetterWhenConfigured() {
		assertThat(render(ReportProperties.PageSize.LETTER).pageWidth()).isCloseTo(612f, offset(1f));
		assertThat(render(ReportProperties.PageSize.LETTER).pageHeight()).isCloseTo(792f, offset(1f));
		assertThat(render(ReportProperties.PageSize.A4).pageHeight()).isCloseTo(841.9f, offset(1f));
	}

	private static final ReportFonts FONTS = new ReportFonts();

	private static Pdf render(ReportProperties.PageSize size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportProperties properties = new ReportProperties(size, "", 150, 1, Duration.ofSeconds(5));
		new PdfRenderer(properties, FONTS, new ReportText(FONTS), new RenderLimit(properties)).render(
				List.of(() -> "<html><body><p>Letter or A4 — 信纸</p></body></html>"), new ReportCharts(),
				new PdfRenderer.Frame("Size", "Header", "Page {0} of {1}", "en"), out);
		return Pdf.parse(out.toByteArray());
	}

}
