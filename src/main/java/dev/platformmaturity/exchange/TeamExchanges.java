package dev.platformmaturity.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.action.ActionTransfer;
import dev.platformmaturity.assessment.AssessmentTransfer;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;
import dev.platformmaturity.team.TeamRef;
import dev.platformmaturity.team.Teams;

/**
 * Exports a team's data in the exchange format, and imports such a file into a team: JSON
 * syntax, then the published schema, then the rules of this installation (model versions,
 * quarters the team already has, owners who are members, the rules of every field). Every
 * problem is listed with its place in the file, in the reader's language; only a file
 * without any is written, all of it in one transaction.
 */
@Service
class TeamExchanges {

	static final String SCHEMA_LOCATION = "/exchange/team-exchange.schema.json";

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(schemaText(), InputFormat.JSON);

	/**
	 * Reads files strictly: a field given twice is refused rather than the last one
	 * taken.
	 */
	private static final JsonMapper READER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final Teams teams;

	private final AssessmentTransfer assessments;

	private final ActionTransfer actions;

	private final MessageSource messages;

	private final Clock clock;

	TeamExchanges(Teams teams, AssessmentTransfer assessments, ActionTransfer actions, MessageSource messages,
			Clock clock) {
		this.teams = teams;
		this.assessments = assessments;
		this.actions = actions;
		this.messages = messages;
		this.clock = clock;
	}

	/** What an import wrote. */
	record Imported(String team, int assessments, int actions) {
	}

	@Transactional(readOnly = true)
	TeamData export(String team) {
		TeamRef teamRef = teams.team(team);
		return new TeamData(TeamData.FORMAT, TeamData.FORMAT_VERSION, clock.instant(),
				new TeamData.TeamName(teamRef.slug(), teamRef.name()), assessments.export(team), actions.export(team));
	}

	/**
	 * Imports a file into the team, or refuses it with every problem
	 * ({@link ExchangeRefused}) and writes nothing.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	Imported importData(String team, String text, Locale locale, long personId) {
		TeamRef teamRef = teams.team(team);
		JsonNode document;
		try {
			document = READER.readTree(text);
		}
		catch (JacksonException unreadable) {
			throw new ExchangeRefused(
					List.of(messages.getMessage("exchange.json.syntax",
							new Object[] { unreadable.getLocation() == null ? 0 : unreadable.getLocation().getLineNr(),
									unreadable.getLocation() == null ? 0 : unreadable.getLocation().getColumnNr() },
							locale)));
		}
		if (document == null || document.isMissingNode()) {
			throw new ExchangeRefused(List.of(messages.getMessage("exchange.json.empty", null, locale)));
		}
		List<String> problems = new ArrayList<>();
		for (Error error : SCHEMA.validate(document,
				context -> context.executionConfig(config -> config.locale(locale).formatAssertionsEnabled(true)))) {
			problems.add(problem(path(error.getInstanceLocation().toString()), error.getMessage(), locale));
		}
		if (!problems.isEmpty()) {
			throw new ExchangeRefused(problems);
		}
		texts(document, "", problems, locale);
		TeamData data = READER.treeToValue(document, TeamData.class);
		List<FieldProblem> found = new ArrayList<>();
		found.addAll(assessments.check(team, data.assessments(), "assessments"));
		found.addAll(actions.check(team, data.actions(), "actions"));
		found.forEach(problem -> problems.add(problem(problem.field(),
				messages.getMessage(problem.messageKey(), problem.arguments(), locale), locale)));
		if (!problems.isEmpty()) {
			throw new ExchangeRefused(problems);
		}
		assessments.load(team, data.assessments(), personId);
		actions.load(team, data.actions(), personId);
		return new Imported(teamRef.slug(), data.assessments().size(), data.actions().size());
	}

	/** Texts that contain what no text may: a NUL or a lone surrogate. */
	private void texts(JsonNode node, String path, List<String> problems, Locale locale) {
		if (node.isString()) {
			TextRules.flaw(node.asString())
				.ifPresent(
						flaw -> problems
							.add(problem(path,
									messages.getMessage(flaw.messageKey(),
											new Object[] { path, flaw.position(), flaw.character() }, locale),
									locale)));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				texts(node.get(i), path + "[" + i + "]", problems, locale);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				texts(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems,
						locale);
			}
		}
	}

	/**
	 * A JSON pointer ({@code /actions/0/title}) as the paths of problems read:
	 * {@code actions[0].title}.
	 */
	static String path(String pointer) {
		StringBuilder path = new StringBuilder();
		for (String segment : pointer.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			String name = segment.replace("~1", "/").replace("~0", "~");
			if (name.matches("\\d+")) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
		}
		return path.toString();
	}

	/** A problem with its place in the file: {@code assessments[0].answers[3]: …}. */
	private String problem(String path, String text, Locale locale) {
		return path.isEmpty() ? text : messages.getMessage("exchange.problem", new Object[] { path, text }, locale);
	}

	private static String schemaText() {
		try (InputStream schema = TeamExchanges.class.getResourceAsStream(SCHEMA_LOCATION)) {
			if (schema == null) {
				throw new IllegalStateException("The exchange schema is missing: " + SCHEMA_LOCATION);
			}
			return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

}
