package dev.platformmaturity.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * What a dashboard page shows: the quarter (and the one before it, for changes), an
 * optional group, a search in team names, whether in-progress assessments count
 * (provisional figures) or only submitted ones (final, the default), whether only overdue
 * teams are listed, the sort and the page.
 *
 * @param previousQuarterId the quarter before, or null when there is none
 * @param search a LIKE pattern without the surrounding {@code %}, as
 * {@code SearchTerms.likePattern} makes it
 * @param sort {@code team}, {@code group}, {@code status}, {@code activity},
 * {@code overdue} or an aspect key
 */
public record DashboardQuery(long quarterId, Long previousQuarterId, Long groupId, String search, boolean provisional,
		boolean overdueOnly, String sort, boolean descending, int page, int size) {

	/** All teams of the quarter, final figures, by name. */
	public static DashboardQuery of(long quarterId, Long previousQuarterId, Long groupId, boolean provisional) {
		return new DashboardQuery(quarterId, previousQuarterId, groupId, "", provisional, false, "team", false, 0, 0);
	}

	DashboardQuery page(int page, int size) {
		return new DashboardQuery(quarterId, previousQuarterId, groupId, search, provisional, overdueOnly, sort,
				descending, page, size);
	}

	/** The aspect key to sort by, or null when the sort is by a column of the team. */
	String sortAspect(List<String> aspectKeys) {
		return aspectKeys.contains(sort) ? sort : null;
	}

	String orderBy(List<String> aspectKeys) {
		String direction = descending ? " desc" : " asc";
		if (sortAspect(aspectKeys) != null) {
			return "sort_score" + direction + " nulls last, lower(t.name)";
		}
		return switch (sort == null ? "team" : sort.toLowerCase(Locale.ROOT)) {
			case "group" -> "lower(g.name)" + direction + ", lower(t.name)";
			case "status" -> "coalesce(a.reviewed_count, -1) + case a.status when 'SUBMITTED' then 1000 else 0 end"
					+ direction + ", lower(t.name)";
			case "activity" -> "a.updated_at" + direction + " nulls last, lower(t.name)";
			case "overdue" -> "overdue" + direction + ", lower(t.name)";
			default -> "lower(t.name)" + direction;
		};
	}

}
