package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One series of a chart: a value per axis (radar) or per x label (line). A null value is
 * missing data, for example an aspect without answered questions; charts leave a gap
 * there and never draw it as 0.
 */
public record Series(String label, List<BigDecimal> values, SeriesStyle style) {

	public Series {
		if (label == null || values == null || style == null) {
			throw new IllegalArgumentException("A series needs a label, values and a style");
		}
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

}
