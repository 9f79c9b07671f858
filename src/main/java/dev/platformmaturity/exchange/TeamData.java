package dev.platformmaturity.exchange;

import java.time.Instant;
import java.util.List;

import dev.platformmaturity.action.ActionTransfer;
import dev.platformmaturity.assessment.AssessmentTransfer;

/**
 * One team's data in the exchange format (version {@value #FORMAT_VERSION}), as
 * {@code docs/team-exchange.schema.json} describes it.
 */
record TeamData(String format, int formatVersion, Instant exportedAt, TeamName team,
		List<AssessmentTransfer.AssessmentData> assessments, List<ActionTransfer.ActionData> actions) {

	static final String FORMAT = "platform-maturity.team";

	static final int FORMAT_VERSION = 1;

	record TeamName(String slug, String name) {
	}

}
