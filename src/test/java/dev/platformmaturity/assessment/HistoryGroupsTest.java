package dev.platformmaturity.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.platformmaturity.assessment.AssessmentEvent.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryGroupsTest {

	private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

	private static final long WANG = 1;

	private static final long ALEX = 2;

	@Test
	void changesOfOneAnswerByOnePersonWithinAMinuteOfTheFirstAreOneEntry() {
		assertThat(grouped(answer("q1", null, "q1:1", WANG, 0), answer("q1", "q1:1", "q1:2", WANG, 20),
				answer("q1", "q1:2", "q1:3", WANG, 40), answer("q1", "q1:3", "q1:4", WANG, 60)))
			.containsExactly("ANSWER q1 null>q1:4 by 1 at 60");
	}

	@Test
	void aChangeMoreThanAMinuteAfterTheFirstStartsAnotherEntry() {
		assertThat(grouped(answer("q1", null, "q1:1", WANG, 0), answer("q1", "q1:1", "q1:2", WANG, 50),
				answer("q1", "q1:2", "q1:3", WANG, 61)))
			.containsExactly("ANSWER q1 q1:2>q1:3 by 1 at 61", "ANSWER q1 null>q1:2 by 1 at 50");
	}

	@Test
	void anotherPersonsChangeInBetweenKeepsTheEntriesApart() {
		assertThat(grouped(answer("q1", null, "q1:1", WANG, 0), answer("q1", "q1:1", "q1:2", ALEX, 5),
				answer("q1", "q1:2", "q1:3", WANG, 10)))
			.containsExactly("ANSWER q1 q1:2>q1:3 by 1 at 10", "ANSWER q1 q1:1>q1:2 by 2 at 5",
					"ANSWER q1 null>q1:1 by 1 at 0");
	}

	@Test
	void otherQuestionsCommentsAndTargetsAreTheirOwnEntriesAndConfirmationsAndSubmissionsEndAGroup() {
		assertThat(grouped(answer("q1", null, "q1:1", WANG, 0), event(Kind.COMMENT, "q1", null, "Why", WANG, 1),
				answer("q2", null, "q2:1", WANG, 2), event(Kind.TARGET, "investment", null, "2", WANG, 3),
				event(Kind.TARGET, "investment", "2", "3", WANG, 4), answer("q1", "q1:1", "q1:2", WANG, 5),
				event(Kind.SUBMIT, null, null, null, WANG, 6), event(Kind.REOPEN, null, null, null, ALEX, 7),
				answer("q1", "q1:2", "q1:3", WANG, 8)))
			.containsExactly("ANSWER q1 q1:2>q1:3 by 1 at 8", "REOPEN null null>null by 2 at 7",
					"SUBMIT null null>null by 1 at 6", "ANSWER q1 null>q1:2 by 1 at 5",
					"TARGET investment null>3 by 1 at 4", "ANSWER q2 null>q2:1 by 1 at 2",
					"COMMENT q1 null>Why by 1 at 1");
	}

	@Test
	void walkingBackToWhereItStartedLeavesNoEntryButASingleChangeStays() {
		assertThat(grouped(answer("q1", "q1:2", "q1:3", WANG, 0), answer("q1", "q1:3", "q1:2", WANG, 5),
				event(Kind.CONFIRM, "q2", null, "q2:1", WANG, 6)))
			.containsExactly("CONFIRM q2 null>q2:1 by 1 at 6");
		assertThat(grouped(event(Kind.COMMENT, "q1", "Same", "Same", WANG, 0))).hasSize(1);
	}

	private static HistoryGroups.Entry answer(String question, String from, String to, long by, int second) {
		return event(Kind.ANSWER, question, from, to, by, second);
	}

	private static HistoryGroups.Entry event(Kind kind, String subject, String from, String to, long by, int second) {
		Instant at = NOON.plusSeconds(second);
		return new HistoryGroups.Entry(kind, subject, from, to, null, by, at, at, 1);
	}

	/**
	 * The entries of events given oldest first, as "KIND subject from>to by person at
	 * second".
	 */
	private static List<String> grouped(HistoryGroups.Entry... oldestFirst) {
		List<HistoryGroups.Entry> newestFirst = new ArrayList<>(List.of(oldestFirst));
		Collections.reverse(newestFirst);
		return HistoryGroups.group(newestFirst)
			.stream()
			.map(entry -> entry.kind() + " " + entry.subject() + " " + entry.oldValue() + ">" + entry.newValue()
					+ " by " + entry.by() + " at " + (entry.at().getEpochSecond() - NOON.getEpochSecond()))
			.toList();
	}

}
