package dev.platformmaturity.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import org.w3c.dom.Element;

import dev.platformmaturity.chart.Chart;

/**
 * The charts of one report. A template places each as an {@code <object>} box sized to
 * the chart's proportions (see {@code report/chart.html}); when the layout paints that
 * box, the chart is drawn into it as PDF vectors.
 */
final class ReportCharts {

	static final String TYPE = "application/x-report-chart";

	private static final double PIXELS_PER_MM = 96 / 25.4;

	private final Map<String, Chart> charts = new HashMap<>();

	/** Where a template puts a chart: its key and its size in CSS pixels. */
	record Box(String key, double width, double height) {

		public String style() {
			return String.format(Locale.ROOT, "width: %.2fpx; height: %.2fpx", width, height);
		}

	}

	/**
	 * A box for the chart at its own size, a chart unit a CSS pixel as on the pages, made
	 * smaller to fit {@code maxWidthMm} when it is wider.
	 */
	Box place(Chart chart, double maxWidthMm) {
		String key = "chart-" + (charts.size() + 1);
		charts.put(key, chart);
		double scale = Math.min(1, maxWidthMm * PIXELS_PER_MM / chart.width());
		return new Box(key, chart.width() * scale, chart.height() * scale);
	}

	/**
	 * Draws the placed charts with the painter of the document they are laid out into.
	 */
	FSObjectDrawerFactory drawers(ChartPainter painter) {
		FSObjectDrawer drawer = (element, x, y, width, height, device, context, dotsPerPixel) -> {
			Chart chart = charts.get(element.getAttribute("data-chart"));
			PdfBoxOutputDevice pdf = (PdfBoxOutputDevice) device;
			float dotsPerPoint = pdf.getDotsPerPoint();
			try {
				// The form is in chart units; given that size in dots, the device scales
				// it to the box.
				pdf.drawPdfAsImage(painter.paint(chart), new Rectangle((int) x, (int) y, (int) width, (int) height),
						(float) chart.width() * dotsPerPoint, (float) chart.height() * dotsPerPoint);
			}
			catch (IOException failed) {
				throw new UncheckedIOException("The chart " + chart.idPrefix() + " could not be drawn", failed);
			}
			return null;
		};
		return new FSObjectDrawerFactory() {

			@Override
			public FSObjectDrawer createDrawer(Element element) {
				return isReplacedObject(element) ? drawer : null;
			}

			@Override
			public boolean isReplacedObject(Element element) {
				return TYPE.equals(element.getAttribute("type"))
						&& charts.containsKey(element.getAttribute("data-chart"));
			}

		};
	}

}
