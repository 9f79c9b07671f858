package dev.platformmaturity.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * What a dashboard page shows: the quarter, an optional group, a search in team names, the sort and the page.
 *
 * @param sort {@code team}, {@code group}, {@code status}, {@code activity} or an aspect key
 */
record DashboardQuery(long quarterId, Long groupId, String search, String sort, boolean descending, int page, int size) {

	String orderBy(List<String> aspectKeys) {
		String direction = descending ? " desc" : " asc";
		if (aspectKeys.contains(sort)) {
			return "(ts.scores ->> '" + sort + "')::numeric" + direction + " nulls last, lower(t.name)";
		}
		return switch (sort == null ? "team" : sort.toLowerCase(Locale.ROOT)) {
			case "group" -> "lower(g.name)" + direction + ", lower(t.name)";
			case "status" -> "coalesce(p.answered, -1) + case p.status when 'SUBMITTED' then 1000 else 0 end" + direction
					+ ", lower(t.name)";
			case "activity" -> "p.updated_at" + direction + " nulls last, lower(t.name)";
			default -> "lower(t.name)" + direction;
		};
	}

}
