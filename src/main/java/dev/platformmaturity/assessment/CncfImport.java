package dev.platformmaturity.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;

/**
 * Brings the answers of a CNCF assessment tool share URL into an open assessment: first a
 * preview of what would change, then the import, which pre-fills the changed answers as
 * imported, to review. Like carried-over answers they count as not reviewed until someone
 * confirms or changes them; comments stay as they are. The import locks the assessment
 * like every change of it, changes only answers still as the preview showed them, and
 * keeps the assessment's figures exact by counting its answers again.
 */
@Service
class CncfImport {

	private final Assessments assessments;

	private final AssessmentRows rows;

	private final ModelCatalog catalog;

	CncfImport(Assessments assessments, AssessmentRows rows, ModelCatalog catalog) {
		this.assessments = assessments;
		this.rows = rows;
		this.catalog = catalog;
	}

	/** One answer the import changes: as it is now, and the level it brings. */
	record Change(String question, AnswerState current, int level) {
	}

	/**
	 * What an import would do: the answers it changes, those it leaves as they are, and
	 * the parameters left out.
	 */
	record Preview(AssessmentSnapshot state, List<Change> changes, List<String> unchanged,
			List<CncfShareUrl.Ignored> ignored) {
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public Preview preview(String team, String quarter, String pasted) {
		AssessmentSnapshot state = assessments.state(team, quarter);
		if (!state.started()) {
			throw AssessmentProblem.notNow("assessment.notStarted");
		}
		if (!state.changeable()) {
			throw AssessmentProblem.notNow(
					state.submitted() ? "assessment.submitted"
							: state.quarter().state() == QuarterState.PLANNED ? "quarter.planned" : "quarter.closed",
					quarter);
		}
		CncfShareUrl.Shared shared = CncfShareUrl.parse(pasted, state.model());
		List<Change> changes = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		shared.levels().forEach((question, level) -> {
			AnswerState current = state.answers().get(question);
			if (changes(current, level)) {
				changes.add(new Change(question, current, level));
			}
			else {
				unchanged.add(question);
			}
		});
		return new Preview(state, changes, unchanged, shared.ignored());
	}

	/**
	 * Imports the answers of the share URL that differ from the saved ones.
	 * @param versions the version of each answer to change, as the preview showed it; an
	 * answer changed since is a conflict, and nothing is imported
	 * @return the number of answers imported
	 */
	@Transactional
	@PreAuthorize("@teamAccess.canEdit(#team)")
	public int apply(String team, String quarter, String pasted, Map<String, Long> versions, long personId) {
		AssessmentRows.Locked assessment = rows.lock(team, quarter).orElseThrow(() -> {
			assessments.state(team, quarter);
			return AssessmentProblem.notNow("assessment.notStarted");
		});
		Assessments.requireChangeable(assessment);
		ModelVersion version = catalog.versionById(assessment.modelVersionId());
		CncfShareUrl.Shared shared = CncfShareUrl.parse(pasted, version.model());
		if (shared.levels().isEmpty()) {
			throw AssessmentProblem.badInput("cncf.import.noAnswers");
		}
		Map<String, AssessmentRows.AnswerRow> answers = rows.answers(assessment.id());
		List<AssessmentRows.Event> events = new ArrayList<>();
		List<Runnable> writes = new ArrayList<>();
		shared.levels().forEach((question, level) -> {
			AssessmentRows.AnswerRow row = answers.get(question);
			if (!changes(row.answer(), level)) {
				return;
			}
			if (!Objects.equals(versions.get(question), row.answer().version())) {
				throw AssessmentProblem.notNow("cncf.import.changedMeanwhile");
			}
			events.add(new AssessmentRows.Event(AssessmentEvent.Kind.IMPORT, question, optionValue(row.answer()),
					question + ":" + level, null));
			writes.add(() -> rows.importAnswer(row.id(), level, personId));
		});
		if (events.isEmpty()) {
			throw AssessmentProblem.notNow("cncf.import.nothingToChange");
		}
		writes.forEach(Runnable::run);
		rows.addEvents(assessment.id(), events, personId);
		rows.recountFigures(List.of(assessment.id()));
		rows.touch(assessment.id());
		return events.size();
	}

	/**
	 * Whether importing the level changes the answer: it has another level, or none, or
	 * is not applicable.
	 */
	private static boolean changes(AnswerState current, int level) {
		return current == null || current.notApplicable() || !Objects.equals(current.level(), level);
	}

	private static String optionValue(AnswerState answer) {
		return answer.notApplicable() ? "n/a" : answer.option();
	}

}
