package dev.platformmaturity.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts together what the history shows as one entry: changes of one answer, comment or
 * target by one person, each within {@link #WINDOW} of the first, with nobody else
 * changing it in between, go from the value before the first to the value after the last.
 * Walking through the options with the arrow keys saves every option on the way; the
 * history shows where the person ended. Such a group that ends where it started is left
 * out. The events themselves stay as they were recorded.
 */
final class HistoryGroups {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final Set<AssessmentEvent.Kind> GROUPED = Set.of(AssessmentEvent.Kind.ANSWER,
			AssessmentEvent.Kind.COMMENT, AssessmentEvent.Kind.TARGET);

	/**
	 * A recorded change, or a group of them: {@code since} is when the group's first
	 * change was made.
	 */
	record Entry(AssessmentEvent.Kind kind, String subject, String oldValue, String newValue, String reason, Long by,
			Instant since, Instant at, int changes) {

		private Entry followedBy(Entry next) {
			return new Entry(kind, subject, oldValue, next.newValue, reason, by, since, next.at, changes + 1);
		}

		private boolean continuedBy(Entry next) {
			return Objects.equals(by, next.by) && !next.at.isAfter(since.plus(WINDOW));
		}

		private boolean changesNothing() {
			return changes > 1 && Objects.equals(oldValue, newValue);
		}

	}

	private HistoryGroups() {
	}

	static Entry of(AssessmentEvent event) {
		return new Entry(event.kind(), event.subject(), event.oldValue(), event.newValue(), event.reason(),
				event.changedBy(), event.changedAt(), event.changedAt(), 1);
	}

	/** The entries of a history, newest first, from its events, newest first. */
	static List<Entry> group(List<Entry> newestFirst) {
		List<Entry> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> open = new HashMap<>();
		for (Entry event : oldestFirst) {
			if (!GROUPED.contains(event.kind())) {
				// A confirmation ends the groups of its question; a start, submission or
				// reopening ends all of them.
				open.keySet().removeIf(key -> event.subject() == null || key.endsWith(" " + event.subject()));
				entries.add(event);
				continue;
			}
			String key = event.kind() + " " + event.subject();
			Integer index = open.get(key);
			if (index != null && entries.get(index).continuedBy(event)) {
				entries.set(index, entries.get(index).followedBy(event));
			}
			else {
				open.put(key, entries.size());
				entries.add(event);
			}
		}
		List<Entry> newest = new ArrayList<>(entries.stream().filter(entry -> !entry.changesNothing()).toList());
		Collections.reverse(newest);
		// A group stands where its last change was made; changes made at the same moment
		// keep their order.
		newest.sort(Comparator.comparing(Entry::at).reversed());
		return newest;
	}

}
