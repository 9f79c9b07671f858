package dev.platformmaturity.chart;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.platformmaturity.chart.Chart.Anchor;
import dev.platformmaturity.chart.Chart.Group;
import dev.platformmaturity.chart.Chart.Paint;
import dev.platformmaturity.chart.Chart.Shape;
import dev.platformmaturity.chart.Chart.Text;

/**
 * Collects a chart's shapes in painting order, with groups opened and closed around the
 * shapes they hold.
 */
final class Drawing {

	private final String idPrefix;

	private final Deque<OpenGroup> open = new ArrayDeque<>();

	private final List<Shape> shapes = new ArrayList<>();

	private record OpenGroup(String id, Paint paint, List<Shape> shapes) {
	}

	Drawing(String idPrefix) {
		this.idPrefix = idPrefix;
	}

	/** Ids are unique per chart, so several charts can share one page. */
	String id(String name) {
		return idPrefix + "-" + name;
	}

	void open(String id, Paint paint) {
		open.push(new OpenGroup(id, paint, new ArrayList<>()));
	}

	void close() {
		OpenGroup group = open.pop();
		add(new Group(group.id(), group.paint(), group.shapes()));
	}

	void add(Shape shape) {
		(open.isEmpty() ? shapes : open.peek().shapes()).add(shape);
	}

	void text(String content, double x, double y, int fontSize, Anchor anchor, String colour) {
		add(new Text(List.of(content), x, y, 0, fontSize, anchor, colour, 0));
	}

	Chart chart(String title, String description, double width, double height) {
		if (!open.isEmpty()) {
			throw new IllegalStateException("Group " + open.peek().id() + " was not closed");
		}
		return new Chart(idPrefix, title, description, width, height, shapes);
	}

}
