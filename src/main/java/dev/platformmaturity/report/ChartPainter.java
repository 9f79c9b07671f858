package dev.platformmaturity.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;

import dev.platformmaturity.chart.Chart;
import dev.platformmaturity.chart.Chart.Circle;
import dev.platformmaturity.chart.Chart.Group;
import dev.platformmaturity.chart.Chart.Line;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Point;
import dev.platformmaturity.chart.Chart.Polygon;
import dev.platformmaturity.chart.Chart.Rect;
import dev.platformmaturity.chart.Chart.Shape;
import dev.platformmaturity.chart.Chart.Text;
import dev.platformmaturity.report.ReportFonts.Face;

/**
 * Draws a chart's shapes as PDF vectors into a form of the chart's size, with the
 * document's embedded fonts: the shapes, colours, opacities, dash patterns and markers of
 * its SVG on the page, painted the way SVG paints them (paint inherited from groups, fill
 * under stroke), without an SVG renderer in between.
 */
final class ChartPainter {

	/**
	 * How far a cubic Bézier's control points lie from a quarter circle's ends, as a
	 * share of the radius.
	 */
	private static final float CIRCLE_CONTROL = 0.5522848f;

	private final PDDocument document;

	private final DocumentFonts fonts;

	private final ReportText text;

	private final List<Face> order;

	private final Map<Double, PDExtendedGraphicsState> opacities = new HashMap<>();

	ChartPainter(PDDocument document, DocumentFonts fonts, ReportText text, List<Face> order) {
		this.document = document;
		this.fonts = fonts;
		this.text = text;
		this.order = order;
	}

	/**
	 * Paint resolved against the groups around a shape: null colours mean none, a null
	 * dash array a solid line.
	 */
	private record Style(String fill, double fillOpacity, String stroke, double strokeWidth, float[] dashes,
			boolean roundJoin) {

		/**
		 * What SVG paints with when nothing says otherwise: filled black, not stroked.
		 */
		static final Style INITIAL = new Style("#000000", 1, null, 1, null, false);

		Style with(Paint paint) {
			return new Style(paint.fill() == null ? fill : colour(paint.fill()),
					paint.fillOpacity() == null ? fillOpacity : paint.fillOpacity(),
					paint.stroke() == null ? stroke : colour(paint.stroke()),
					paint.strokeWidth() == null ? strokeWidth : paint.strokeWidth(),
					paint.dashArray() == null ? dashes : dashes(paint.dashArray()), roundJoin || paint.roundJoin());
		}

		private static String colour(String colour) {
			return Paint.NONE.equals(colour) ? null : colour;
		}

		private static float[] dashes(String dashArray) {
			String[] lengths = dashArray.trim().split("\\s+");
			float[] dashes = new float[lengths.length];
			for (int i = 0; i < lengths.length; i++) {
				dashes[i] = Float.parseFloat(lengths[i]);
			}
			return dashes;
		}

	}

	/**
	 * The chart as a form whose space is the chart's, in its units, y pointing down as in
	 * SVG. The form is made as an appearance stream (a form like any other) because only
	 * that kind of form gets a content stream that knows its document, which is what
	 * registers the fonts drawn with for subsetting.
	 */
	PDFormXObject paint(Chart chart) throws IOException {
		PDAppearanceStream form = new PDAppearanceStream(document);
		form.setBBox(new PDRectangle((float) chart.width(), (float) chart.height()));
		form.setResources(new PDResources());
		try (PDPageContentStream content = new PDPageContentStream(document, form)) {
			content.transform(new Matrix(1, 0, 0, -1, 0, (float) chart.height()));
			for (Shape shape : chart.shapes()) {
				paint(content, shape, Style.INITIAL);
			}
		}
		return form;
	}

	private void paint(PDPageContentStream content, Shape shape, Style inherited) throws IOException {
		if (shape instanceof Group group) {
			Style style = inherited.with(group.paint());
			for (Shape member : group.shapes()) {
				paint(content, member, style);
			}
		}
		else if (shape instanceof Line line) {
			Style style = inherited.with(line.paint());
			if (paints(style, false)) {
				content.moveTo(x(line.from()), y(line.from()));
				content.lineTo(x(line.to()), y(line.to()));
				draw(content, style, false);
			}
		}
		else if (shape instanceof Polygon polygon) {
			Style style = inherited.with(polygon.paint());
			if (paints(style, polygon.closed())) {
				List<Point> points = polygon.points();
				content.moveTo(x(points.get(0)), y(points.get(0)));
				for (Point point : points.subList(1, points.size())) {
					content.lineTo(x(point), y(point));
				}
				if (polygon.closed()) {
					content.closePath();
				}
				draw(content, style, polygon.closed());
			}
		}
		else if (shape instanceof Circle circle) {
			Style style = inherited.with(circle.paint());
			if (paints(style, true)) {
				circle(content, circle);
				draw(content, style, true);
			}
		}
		else if (shape instanceof Rect rect) {
			Style style = inherited.with(rect.paint());
			if (paints(style, true)) {
				content.addRect((float) rect.x(), (float) rect.y(), (float) rect.width(), (float) rect.height());
				draw(content, style, true);
			}
		}
		else if (shape instanceof Text label) {
			text(content, label);
		}
	}

	/**
	 * Whether a shape shows at all: an open line is never filled, as none of the charts'
	 * open lines is in SVG.
	 */
	private static boolean paints(Style style, boolean fillable) {
		return fillable && style.fill() != null || style.stroke() != null;
	}

	/** Fills and strokes the current path as its style asks, the stroke over the fill. */
	private void draw(PDPageContentStream content, Style style, boolean fillable) throws IOException {
		boolean fill = fillable && style.fill() != null;
		boolean stroke = style.stroke() != null;
		content.saveGraphicsState();
		if (fill) {
			setColour(content, style.fill(), false);
			if (style.fillOpacity() < 1) {
				content.setGraphicsStateParameters(opacity(style.fillOpacity()));
			}
		}
		if (stroke) {
			setColour(content, style.stroke(), true);
			content.setLineWidth((float) style.strokeWidth());
			content.setLineDashPattern(style.dashes() == null ? new float[0] : style.dashes(), 0);
			content.setLineJoinStyle(style.roundJoin() ? 1 : 0);
		}
		if (fill && stroke) {
			content.fillAndStroke();
		}
		else if (fill) {
			content.fill();
		}
		else {
			content.stroke();
		}
		content.restoreGraphicsState();
	}

	private static void circle(PDPageContentStream content, Circle circle) throws IOException {
		float cx = x(circle.centre());
		float cy = y(circle.centre());
		float r = (float) circle.radius();
		float k = r * CIRCLE_CONTROL;
		content.moveTo(cx + r, cy);
		content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		content.closePath();
	}

	/**
	 * Each line as runs of the report fonts, placed by its anchor along its baseline,
	 * which turns with the rotation; the text matrix turns glyphs upright again in the
	 * form's downward y.
	 */
	private void text(PDPageContentStream content, Text label) throws IOException {
		double angle = Math.toRadians(label.rotation());
		float cos = (float) Math.cos(angle);
		float sin = (float) Math.sin(angle);
		for (int i = 0; i < label.lines().size(); i++) {
			List<ReportText.Run> runs = text.runs(label.lines().get(i), order);
			float width = 0;
			for (ReportText.Run run : runs) {
				width += fonts.get(run.face()).getStringWidth(run.text()) / 1000 * label.fontSize();
			}
			float shift = switch (label.anchor()) {
				case START -> 0;
				case MIDDLE -> width / 2;
				case END -> width;
			};
			float x = (float) label.x() - shift * cos;
			float y = (float) (label.y() + i * label.lineHeight()) - shift * sin;
			content.beginText();
			setColour(content, label.colour(), false);
			content.setTextMatrix(new Matrix(cos, sin, sin, -cos, x, y));
			for (ReportText.Run run : runs) {
				PDType0Font font = fonts.get(run.face());
				content.setFont(font, label.fontSize());
				content.showText(run.text());
			}
			content.endText();
		}
	}

	private PDExtendedGraphicsState opacity(double opacity) {
		return opacities.computeIfAbsent(opacity, alpha -> {
			PDExtendedGraphicsState state = new PDExtendedGraphicsState();
			state.setNonStrokingAlphaConstant(alpha.floatValue());
			return state;
		});
	}

	/** {@code #RRGGBB}, as the charts' styles are checked to be. */
	private static void setColour(PDPageContentStream content, String colour, boolean stroking) throws IOException {
		int rgb = Integer.parseInt(colour.substring(1), 16);
		float red = (rgb >> 16 & 0xFF) / 255f;
		float green = (rgb >> 8 & 0xFF) / 255f;
		float blue = (rgb & 0xFF) / 255f;
		if (stroking) {
			content.setStrokingColor(red, green, blue);
		}
		else {
			content.setNonStrokingColor(red, green, blue);
		}
	}

	private static float x(Point point) {
		return (float) point.x();
	}

	private static float y(Point point) {
		return (float) point.y();
	}

}
