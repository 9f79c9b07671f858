package dev.platformmaturity.chart;

import java.util.ArrayList;
import java.util.List;

import dev.platformmaturity.chart.Chart.Anchor;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Rect;

/**
 * The legend under a chart: per series a sample of its line with its marker, then its
 * label. Items flow into centred rows; laid out before drawing because the chart's height
 * depends on the number of rows.
 */
final class Legend {

	private static final int FONT_SIZE = 12;

	private static final double SAMPLE_WIDTH = 28;

	private static final double LABEL_GAP = 6;

	private static final double ITEM_GAP = 18;

	private final List<List<Series>> rows = new ArrayList<>();

	private final int fontSize;

	private final double rowHeight;

	Legend(List<Series> series, double maxRowWidth) {
		this(series, maxRowWidth, FONT_SIZE);
	}

	Legend(List<Series> series, double maxRowWidth, int fontSize) {
		this.fontSize = fontSize;
		this.rowHeight = fontSize + 8;
		List<Series> row = new ArrayList<>();
		for (Series item : series) {
			if (!row.isEmpty() && rowWidth(row) + ITEM_GAP + itemWidth(item) > maxRowWidth) {
				rows.add(row);
				row = new ArrayList<>();
			}
			row.add(item);
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
	}

	double height() {
		return rows.size() * rowHeight;
	}

	void draw(Drawing drawing, double centreX, double top) {
		drawing.open(drawing.id("legend"), Paint.INHERITED);
		for (int r = 0; r < rows.size(); r++) {
			List<Series> row = rows.get(r);
			double x = centreX - rowWidth(row) / 2;
			double middle = top + r * rowHeight + rowHeight / 2;
			for (Series item : row) {
				sample(drawing, item.style(), x, middle);
				drawing.text(item.label(), x + SAMPLE_WIDTH + LABEL_GAP, middle + fontSize * 0.35, fontSize,
						Anchor.START, Palette.TEXT);
				x += itemWidth(item) + ITEM_GAP;
			}
		}
		drawing.close();
	}

	private static void sample(Drawing drawing, SeriesStyle style, double x, double middle) {
		if (style.areaOpacity() > 0) {
			drawing.add(new Rect(x, middle - 5, SAMPLE_WIDTH, 10,
					Paint.INHERITED.withFill(style.colour(), style.areaOpacity())));
		}
		drawing.add(new Line(new Point(x, middle), new Point(x + SAMPLE_WIDTH, middle), SeriesPainter.stroke(style)));
		SeriesPainter.markers(drawing, null, style, List.of(new Point(x + SAMPLE_WIDTH / 2, middle)));
	}

	private double rowWidth(List<Series> row) {
		return row.stream().mapToDouble(this::itemWidth).sum() + ITEM_GAP * (row.size() - 1);
	}

	private double itemWidth(Series item) {
		return SAMPLE_WIDTH + LABEL_GAP + TextMetrics.width(item.label(), fontSize);
	}

}
