package dev.platformmaturity.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.assessment.Overdue;
import dev.platformmaturity.assessment.QuarterInfo;
import dev.platformmaturity.assessment.QuarterState;
import dev.platformmaturity.assessment.Quarters;
import dev.platformmaturity.dashboard.DashboardQuery;
import dev.platformmaturity.dashboard.Dashboards;

/**
 * What the organisation report says first, computed from the quarter's figures:
 * completion and who is late, the strongest and weakest aspect by median with the number
 * of teams each median rests on, and the teams whose scores rose or fell most since the
 * previous quarter. Reads the teams of the two quarters once each, keeping only the
 * previous scores and a few names, so its memory stays small whatever the number of
 * teams.
 */
@Component
class KeyFindings {

	/** Names listed before "and n more". */
	static final int NAMES = 8;

	/** Teams listed per direction of change. */
	static final int MOVERS = 3;

	private final Dashboards dashboards;

	private final Quarters quarters;

	private final Overdue overdue;

	private final MessageSource messages;

	KeyFindings(Dashboards dashboards, Quarters quarters, Overdue overdue, MessageSource messages) {
		this.dashboards = dashboards;
		this.quarters = quarters;
		this.overdue = overdue;
		this.messages = messages;
	}

	/**
	 * A team's change since the previous quarter: the mean change of the aspects scored
	 * in both.
	 */
	record Change(String team, BigDecimal change) {
	}

	/**
	 * The findings as sentences in the report's language, in the order they are shown.
	 */
	List<String> of(QuarterInfo quarter, DashboardQuery query, Dashboards.Completion completion,
			List<Dashboards.Distribution> distributions, List<String> aspectKeys, List<String> aspectNames,
			Locale locale) {
		List<String> findings = new ArrayList<>();
		findings.add(message("report.findings.completion", locale, completion.submitted(), completion.teams(),
				completion.inProgress(), completion.notStarted()));
		if (overdue.isPastDue(quarter)) {
			findings.add(message("report.findings.overdue", locale, completion.teams() - completion.submitted(),
					quarter.dueOn().toString()));
		}
		else if (quarter.state() == QuarterState.OPEN) {
			findings.add(message("report.findings.due", locale, quarter.dueOn().toString()));
		}
		aspects(distributions, aspectKeys, aspectNames, locale, findings);

		Optional<QuarterInfo> previous = quarters.all()
			.stream()
			.filter(q -> q.state() != QuarterState.PLANNED && q.label().compareTo(quarter.label()) < 0)
			.findFirst();
		Map<Long, Map<String, BigDecimal>> before = new HashMap<>();
		previous.ifPresent(
				p -> dashboards.eachTeam(DashboardQuery.of(p.id(), null, query.groupId(), query.provisional()), row -> {
					if (!row.scores().isEmpty()) {
						before.put(row.id(), row.scores());
					}
				}));
		List<String> notSubmitted = new ArrayList<>();
		long[] notSubmittedCount = { 0 };
		List<Change> changes = new ArrayList<>();
		dashboards.eachTeam(query, row -> {
			if (row.status() != AssessmentStatus.SUBMITTED) {
				notSubmittedCount[0]++;
				if (notSubmitted.size() < NAMES) {
					notSubmitted.add(row.name());
				}
			}
			change(row, before.get(row.id())).ifPresent(change -> keepExtremes(changes, change));
		});
		if (notSubmittedCount[0] > 0) {
			String names = String.join(message("report.findings.separator", locale), notSubmitted);
			if (notSubmittedCount[0] > notSubmitted.size()) {
				names += message("report.findings.more", locale, notSubmittedCount[0] - notSubmitted.size());
			}
			findings.add(message("report.findings.notSubmitted", locale, notSubmittedCount[0], names));
		}
		if (previous.isEmpty()) {
			findings.add(message("report.findings.noPrevious", locale));
		}
		else {
			movers(previous.get().label(), changes, locale, findings);
		}
		return findings;
	}

	private void aspects(List<Dashboards.Distribution> distributions, List<String> aspectKeys, List<String> aspectNames,
			Locale locale, List<String> findings) {
		int strongest = -1;
		int weakest = -1;
		for (int i = 0; i < distributions.size(); i++) {
			BigDecimal median = distributions.get(i).median();
			if (median == null) {
				continue;
			}
			if (strongest < 0 || median.compareTo(distributions.get(strongest).median()) > 0) {
				strongest = i;
			}
			if (weakest < 0 || median.compareTo(distributions.get(weakest).median()) < 0) {
				weakest = i;
			}
		}
		if (strongest < 0) {
			return;
		}
		findings.add(aspect("report.findings.strongest", distributions.get(strongest),
				aspectNames.get(aspectKeys.indexOf(distributions.get(strongest).aspect())), locale));
		if (weakest != strongest) {
			findings.add(aspect("report.findings.weakest", distributions.get(weakest),
					aspectNames.get(aspectKeys.indexOf(distributions.get(weakest).aspect())), locale));
		}
	}

	private String aspect(String key, Dashboards.Distribution distribution, String name, Locale locale) {
		return message(key, locale, name, distribution.median().toPlainString(), scored(distribution));
	}

	/** The number of teams a median rests on: those with a score in the aspect. */
	static long scored(Dashboards.Distribution distribution) {
		long scored = 0;
		for (long count : distribution.perLevel()) {
			scored += count;
		}
		return scored;
	}

	private void movers(String previousLabel, List<Change> changes, Locale locale, List<String> findings) {
		List<Change> rises = changes.stream()
			.filter(change -> change.change().signum() > 0)
			.sorted(Comparator.comparing(Change::change).reversed())
			.limit(MOVERS)
			.toList();
		List<Change> falls = changes.stream()
			.filter(change -> change.change().signum() < 0)
			.sorted(Comparator.comparing(Change::change))
			.limit(MOVERS)
			.toList();
		if (rises.isEmpty() && falls.isEmpty()) {
			findings.add(message("report.findings.noChange", locale, previousLabel));
			return;
		}
		if (!rises.isEmpty()) {
			findings.add(message("report.findings.rises", locale, previousLabel, changes(rises, locale)));
		}
		if (!falls.isEmpty()) {
			findings.add(message("report.findings.falls", locale, previousLabel, changes(falls, locale)));
		}
	}

	private String changes(List<Change> changes, Locale locale) {
		List<String> parts = changes.stream()
			.map(change -> message("report.findings.change", locale, change.team(),
					(change.change().signum() > 0 ? "+" : "") + change.change().toPlainString()))
			.toList();
		return String.join(message("report.findings.separator", locale), parts);
	}

	static Optional<Change> change(Dashboards.TeamRow now, Map<String, BigDecimal> before) {
		if (before == null) {
			return Optional.empty();
		}
		BigDecimal sum = BigDecimal.ZERO;
		int aspects = 0;
		for (Map.Entry<String, BigDecimal> score : now.scores().entrySet()) {
			BigDecimal earlier = before.get(score.getKey());
			if (score.getValue() != null && earlier != null) {
				sum = sum.add(score.getValue().subtract(earlier));
				aspects++;
			}
		}
		if (aspects == 0) {
			return Optional.empty();
		}
		BigDecimal mean = sum.divide(BigDecimal.valueOf(aspects), 2, RoundingMode.HALF_UP);
		return mean.signum() == 0 ? Optional.empty() : Optional.of(new Change(now.name(), mean));
	}

	/**
	 * Keeps the largest rises and falls only, so the list never grows beyond twice
	 * {@link #MOVERS}.
	 */
	private static void keepExtremes(List<Change> kept, Change change) {
		kept.add(change);
		if (kept.size() <= 2 * MOVERS + 1) {
			return;
		}
		List<Change> rises = kept.stream()
			.filter(c -> c.change().signum() > 0)
			.sorted(Comparator.comparing(Change::change).reversed())
			.limit(MOVERS)
			.toList();
		List<Change> falls = kept.stream()
			.filter(c -> c.change().signum() < 0)
			.sorted(Comparator.comparing(Change::change))
			.limit(MOVERS)
			.toList();
		kept.clear();
		kept.addAll(rises);
		kept.addAll(falls);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
