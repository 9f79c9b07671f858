package dev.platformmaturity.action;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelVersion;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;

/**
 * The rules of an action's fields, in one place for the pages, the API and imports: a
 * title of 1 to {@value #MAX_TITLE} characters, an aspect and optional characteristic of
 * the model version, an owner who is a member of the team, a due date between
 * {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, a tracker link with http or https,
 * notes of at most {@value #MAX_NOTES} characters, a planned level 1 to 4. Characters are
 * counted as PostgreSQL counts them (code points). Field problems name the field as the
 * API and the forms do.
 */
@Component
class ActionRules {

	static final int MAX_TITLE = 200;

	static final int MAX_NOTES = 2000;

	static final int MAX_LINK = 2000;

	static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

	private final ModelCatalog catalog;

	ActionRules(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	static boolean overdue(ActionStatus status, LocalDate dueOn, LocalDate today) {
		return status.open() && dueOn != null && dueOn.isBefore(today);
	}

	/**
	 * The values to store for a change, or every problem of it.
	 * @param modelVersion the model version when the change names none
	 * @param members the usernames of who may own the action, with their person ids
	 */
	ActionRows.Values values(ActionChange change, ModelVersion modelVersion, Map<String, Long> members) {
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "title", change.title());
		text(problems, "modelVersion", change.modelVersion());
		text(problems, "aspect", change.aspect());
		text(problems, "characteristic", change.characteristic());
		text(problems, "owner", change.owner());
		text(problems, "trackerUrl", change.trackerUrl());
		text(problems, "notes", change.notes());
		if (!problems.isEmpty()) {
			throw ActionProblem.invalid(problems);
		}
		String title = blankAsNull(change.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "action.title.required"));
		}
		else if (characters(title) > MAX_TITLE) {
			problems.add(new FieldProblem("title", "action.title.tooLong", MAX_TITLE, characters(title)));
		}
		ModelVersion version = modelVersion;
		String versionName = blankAsNull(change.modelVersion());
		if (versionName != null) {
			Optional<ModelVersion> named = catalog.storedVersion(versionName);
			if (named.isEmpty()) {
				problems.add(new FieldProblem("modelVersion", "action.modelVersion.unknown", versionName));
			}
			version = named.orElse(null);
		}
		String aspect = blankAsNull(change.aspect());
		Long aspectId = null;
		if (aspect == null) {
			problems.add(new FieldProblem("aspect", "action.aspect.required"));
		}
		else if (version != null) {
			aspectId = version.aspectIds().get(aspect);
			if (aspectId == null) {
				problems.add(new FieldProblem("aspect", "action.aspect.unknown", aspect, version.model().id()));
			}
		}
		CharacteristicRef characteristic = characteristic(problems, change.characteristic(), aspect, version);
		Long ownerId = null;
		String owner = blankAsNull(change.owner());
		if (owner != null) {
			ownerId = members.get(owner);
			if (ownerId == null) {
				problems.add(new FieldProblem("owner", "action.owner.notMember", owner));
			}
		}
		if (change.dueOn() != null && (change.dueOn().isBefore(EARLIEST_DATE) || change.dueOn().isAfter(LATEST_DATE))) {
			problems.add(new FieldProblem("dueOn", "action.dueOn.outOfRange", EARLIEST_DATE.toString(),
					LATEST_DATE.toString()));
		}
		String link = blankAsNull(change.trackerUrl());
		if (link != null) {
			if (characters(link) > MAX_LINK) {
				problems.add(new FieldProblem("trackerUrl", "action.trackerUrl.tooLong", MAX_LINK));
			}
			else if (!webAddress(link)) {
				problems.add(new FieldProblem("trackerUrl", "action.trackerUrl.invalid"));
			}
		}
		String notes = blankAsNull(change.notes());
		if (notes != null && characters(notes) > MAX_NOTES) {
			problems.add(new FieldProblem("notes", "action.notes.tooLong", MAX_NOTES, characters(notes)));
		}
		Integer planned = change.plannedLevel();
		if (planned != null && (planned < 1 || planned > 4)) {
			problems.add(new FieldProblem("plannedLevel", "action.plannedLevel.outOfRange", planned));
		}
		if (!problems.isEmpty()) {
			throw ActionProblem.invalid(problems);
		}
		return new ActionRows.Values(aspectId, characteristic == null ? null : characteristic.level(),
				characteristic == null ? null : characteristic.key(), title, ownerId, change.dueOn(),
				change.status() == null ? ActionStatus.PLANNED : change.status(), link, notes, planned);
	}

	private static CharacteristicRef characteristic(List<FieldProblem> problems, String text, String aspect,
			ModelVersion version) {
		String named = blankAsNull(text);
		if (named == null) {
			return null;
		}
		Optional<CharacteristicRef> parsed = CharacteristicRef.parse(named);
		if (parsed.isEmpty()) {
			problems.add(new FieldProblem("characteristic", "action.characteristic.invalid", named));
			return null;
		}
		CharacteristicRef characteristic = parsed.get();
		if (aspect != null && !characteristic.aspect().equals(aspect)) {
			problems.add(new FieldProblem("characteristic", "action.characteristic.otherAspect", named,
					characteristic.aspect(), aspect));
			return null;
		}
		if (version != null && characteristic.in(version.model()).isEmpty()) {
			problems.add(new FieldProblem("characteristic", "action.characteristic.notInVersion", named,
					version.model().id()));
			return null;
		}
		return characteristic;
	}

	/** A comment as kept: stripped; refused when empty or too long. */
	static String comment(String text) {
		TextRules.problem("text", text).ifPresent(problem -> {
			throw ActionProblem.invalid(problem);
		});
		String comment = blankAsNull(text);
		if (comment == null) {
			throw ActionProblem.invalid(new FieldProblem("text", "action.comment.required"));
		}
		if (characters(comment) > MAX_NOTES) {
			throw ActionProblem
				.invalid(new FieldProblem("text", "action.comment.tooLong", MAX_NOTES, characters(comment)));
		}
		return comment;
	}

	/**
	 * An absolute http or https address with a host; anything else ({@code javascript:},
	 * {@code ftp:}) is refused.
	 */
	static boolean webAddress(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException notAnAddress) {
			return false;
		}
	}

	private static void text(List<FieldProblem> problems, String field, String text) {
		TextRules.problem(field, text).ifPresent(problems::add);
	}

	private static String blankAsNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static int characters(String text) {
		return text.codePointCount(0, text.length());
	}

}
