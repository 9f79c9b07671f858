package dev.platformmaturity.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one way a chart of aspect scores over quarters is made, for a team's results, the
 * dashboard's trends and the reports: a line per aspect in the model's order, styled by
 * position, on the levels 1 to 4.
 */
public final class TrendSeries {

	private TrendSeries() {
	}

	/**
	 * @param quarters the quarters' labels (oldest first) mapped to the labels drawn,
	 * e.g. one marking an open quarter
	 * @param aspects the aspects' keys in the model's order mapped to their names in the
	 * reader's language
	 * @param value the score of a quarter label and aspect key; null where there is none
	 */
	public static LineChart.Spec spec(String idPrefix, String title, String description, Map<String, String> quarters,
			Map<String, String> aspects, BiFunction<String, String, BigDecimal> value) {
		List<Series> series = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, String> aspect : aspects.entrySet()) {
			series.add(new Series(aspect.getValue(),
					quarters.keySet().stream().map(quarter -> value.apply(quarter, aspect.getKey())).toList(),
					SeriesStyle.forIndex(index++)));
		}
		return new LineChart.Spec(idPrefix, title, description, List.copyOf(quarters.values()), BigDecimal.ONE,
				BigDecimal.valueOf(4), series);
	}

}
