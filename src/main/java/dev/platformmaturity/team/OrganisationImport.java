package dev.platformmaturity.team;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.account.NewPerson;
import dev.platformmaturity.account.Passwords;
import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.TextRules;

/**
 * Onboards an organisation from two CSV files: teams ({@code slug,name,group}) and people
 * ({@code username,name,email,language,role,teams,password}). Every row is checked first;
 * the import writes only when no row has a problem, and then in one transaction. Groups
 * named in the teams file are created when missing; a person without a password gets a
 * generated one, shown once after the import.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
class OrganisationImport {

	static final int MAX_ROWS = 10_000;

	static final List<String> TEAM_COLUMNS = List.of("slug", "name", "group");

	static final List<String> PEOPLE_COLUMNS = List.of("username", "name", "email", "language", "role", "teams",
			"password");

	private static final Set<String> REQUIRED_TEAM_COLUMNS = Set.of("slug", "name", "group");

	private static final Set<String> REQUIRED_PEOPLE_COLUMNS = Set.of("username", "name");

	private final TeamAdministration administration;

	private final TeamGroupRepository groups;

	private final TeamRepository teams;

	private final MembershipRepository memberships;

	private final Accounts accounts;

	OrganisationImport(TeamAdministration administration, TeamGroupRepository groups, TeamRepository teams,
			MembershipRepository memberships, Accounts accounts) {
		this.administration = administration;
		this.groups = groups;
		this.teams = teams;
		this.memberships = memberships;
		this.accounts = accounts;
	}

	/**
	 * One row of a file and what is wrong with it; line is the line number in the file
	 * (the header is line 1).
	 */
	public record RowProblem(String file, long line, FieldProblem problem) {
	}

	public record TeamRow(long line, String slug, String name, String group) {
	}

	public record PersonRow(long line, String username, String name, String email, String language, Role role,
			List<String> teams, String password) {
	}

	/** What an import would do, or has done: its rows and every problem found. */
	public record Plan(List<TeamRow> teams, List<PersonRow> people, List<String> newGroups, List<RowProblem> problems) {

		public boolean valid() {
			return problems.isEmpty() && (!teams.isEmpty() || !people.isEmpty());
		}

		public long memberships() {
			return people.stream().mapToLong(person -> person.teams().size()).sum();
		}

	}

	public record Result(int groups, int teams, int people, long memberships, Map<String, String> generatedPasswords) {
	}

	@Transactional(readOnly = true)
	Plan plan(byte[] teamsFile, byte[] peopleFile) {
		List<RowProblem> problems = new ArrayList<>();
		List<RowProblem> refusedText = new ArrayList<>();
		List<TeamRow> teamRows = readTeams(teamsFile, problems, refusedText);
		List<PersonRow> personRows = readPeople(peopleFile, problems, refusedText);
		if (!refusedText.isEmpty()) {
			// Rows were left out, so checks across rows and against the database would
			// report false problems.
			problems.addAll(refusedText);
			return new Plan(teamRows, personRows, List.of(), problems);
		}
		if (teamRows.isEmpty() && personRows.isEmpty() && problems.isEmpty()) {
			problems.add(new RowProblem("", 0, new FieldProblem("file", "import.nothing")));
		}
		List<String> newGroups = checkTeams(teamRows, problems);
		checkPeople(personRows, teamRows, problems);
		return new Plan(teamRows, personRows, newGroups, problems);
	}

	/** Imports both files, or nothing when any row has a problem. */
	@Transactional
	Result importAll(byte[] teamsFile, byte[] peopleFile) {
		Plan plan = plan(teamsFile, peopleFile);
		if (!plan.valid()) {
			throw new InvalidImportException(plan);
		}
		Map<String, Long> groupIds = new HashMap<>();
		for (String name : plan.newGroups()) {
			groupIds.put(key(name), administration.createGroup(name).id());
		}
		for (TeamRow row : plan.teams()) {
			long groupId = groupIds.computeIfAbsent(key(row.group()),
					name -> groups.findByNameIgnoreCase(row.group()).orElseThrow().id());
			administration.createTeam(row.slug(), row.name(), groupId);
		}
		Map<String, String> generated = new LinkedHashMap<>();
		for (PersonRow row : plan.people()) {
			String password = row.password();
			if (password.isEmpty()) {
				password = Passwords.generate();
				generated.put(row.username(), password);
			}
			PersonInfo person = accounts
				.create(new NewPerson(row.username(), row.name(), row.email(), row.language(), row.role(), password));
			for (Team team : teams.findBySlugIn(row.teams())) {
				memberships.save(new Membership(person.id(), team.id()));
			}
		}
		return new Result(plan.newGroups().size(), plan.teams().size(), plan.people().size(), plan.memberships(),
				generated);
	}

	private List<TeamRow> readTeams(byte[] file, List<RowProblem> problems, List<RowProblem> refusedText) {
		List<TeamRow> rows = new ArrayList<>();
		for (Row row : rows(file, "teams", TEAM_COLUMNS, REQUIRED_TEAM_COLUMNS, problems, refusedText)) {
			rows.add(new TeamRow(row.line(), value(row.record(), "slug").toLowerCase(Locale.ROOT),
					value(row.record(), "name"), value(row.record(), "group")));
		}
		return rows;
	}

	private List<PersonRow> readPeople(byte[] file, List<RowProblem> problems, List<RowProblem> refusedText) {
		List<PersonRow> rows = new ArrayList<>();
		for (Row row : rows(file, "people", PEOPLE_COLUMNS, REQUIRED_PEOPLE_COLUMNS, problems, refusedText)) {
			CSVRecord record = row.record();
			long line = row.line();
			String roleText = value(record, "role").toUpperCase(Locale.ROOT);
			Role role = roleText.isEmpty() ? Role.MEMBER
					: Arrays.stream(Role.values()).filter(r -> r.name().equals(roleText)).findFirst().orElse(null);
			if (role == null) {
				problems.add(new RowProblem("people", line,
						new FieldProblem("role", "import.role.invalid", value(record, "role"))));
			}
			String language = value(record, "language");
			List<String> teamSlugs = Arrays.stream(value(record, "teams").split("[;|]"))
				.map(slug -> slug.strip().toLowerCase(Locale.ROOT))
				.filter(slug -> !slug.isEmpty())
				.distinct()
				.toList();
			rows.add(new PersonRow(line, value(record, "username").toLowerCase(Locale.ROOT), value(record, "name"),
					value(record, "email"), language.isEmpty() ? "en" : language, role == null ? Role.MEMBER : role,
					teamSlugs, value(record, "password")));
		}
		return rows;
	}

	/** Groups the teams file names that do not exist yet, in order of first mention. */
	private List<String> checkTeams(List<TeamRow> rows, List<RowProblem> problems) {
		Set<String> slugsInFile = new HashSet<>();
		Set<String> slugsTaken = existingSlugs(rows.stream().map(TeamRow::slug).toList());
		Map<String, Boolean> groupExists = new HashMap<>();
		Map<String, String> newGroups = new LinkedHashMap<>();
		for (TeamRow row : rows) {
			for (FieldProblem problem : administration.teamProblems(row.slug(), row.name(), slugsTaken::contains)) {
				problems.add(new RowProblem("teams", row.line(), problem));
			}
			if (!row.slug().isEmpty() && !slugsInFile.add(row.slug())) {
				problems.add(new RowProblem("teams", row.line(),
						new FieldProblem("slug", "import.slug.duplicate", row.slug())));
			}
			if (row.group().isEmpty()) {
				problems.add(new RowProblem("teams", row.line(), new FieldProblem("group", "import.group.required")));
			}
			else if (row.group().length() > 200) {
				problems.add(new RowProblem("teams", row.line(), new FieldProblem("group", "group.name.tooLong")));
			}
			else if (!groupExists.computeIfAbsent(key(row.group()),
					name -> groups.findByNameIgnoreCase(row.group()).isPresent())) {
				newGroups.putIfAbsent(key(row.group()), row.group());
			}
			if (row.name().length() > 200) {
				problems.add(new RowProblem("teams", row.line(), new FieldProblem("name", "team.name.tooLong")));
			}
		}
		return List.copyOf(newGroups.values());
	}

	private void checkPeople(List<PersonRow> rows, List<TeamRow> teamRows, List<RowProblem> problems) {
		Set<String> newSlugs = new HashSet<>();
		teamRows.forEach(row -> newSlugs.add(row.slug()));
		Set<String> allSlugs = new HashSet<>(newSlugs);
		allSlugs.addAll(existingSlugs(rows.stream()
			.flatMap(row -> row.teams().stream())
			.filter(slug -> !newSlugs.contains(slug))
			.distinct()
			.toList()));
		Set<String> usernames = new HashSet<>();
		Set<String> emails = new HashSet<>();
		for (PersonRow row : rows) {
			String password = row.password().isEmpty() ? Passwords.generate() : row.password();
			for (FieldProblem problem : accounts.problems(
					new NewPerson(row.username(), row.name(), row.email(), row.language(), row.role(), password))) {
				problems.add(new RowProblem("people", row.line(), problem));
			}
			if (!row.username().isEmpty() && !usernames.add(row.username())) {
				problems.add(new RowProblem("people", row.line(),
						new FieldProblem("username", "import.username.duplicate", row.username())));
			}
			if (!row.email().isEmpty() && !emails.add(row.email().toLowerCase(Locale.ROOT))) {
				problems.add(new RowProblem("people", row.line(),
						new FieldProblem("email", "import.email.duplicate", row.email())));
			}
			for (String slug : row.teams()) {
				if (!allSlugs.contains(slug)) {
					problems.add(new RowProblem("people", row.line(),
							new FieldProblem("teams", "import.team.unknown", slug)));
				}
			}
		}
	}

	/** Which of these slugs teams already have, in one query. */
	private Set<String> existingSlugs(List<String> slugs) {
		return slugs.isEmpty() ? Set.of() : new HashSet<>(teams.existingSlugs(slugs));
	}

	/** A parsed record and the line of the file it starts on. */
	private record Row(CSVRecord record, long line) {
	}

	/**
	 * The records of a file with the line each starts on, counted in one pass. A file
	 * that is not strictly UTF-8 is refused at its first undecodable line; a field whose
	 * text {@link TextRules} refuses is reported with its line and column in
	 * {@code refusedText}, and its row is left out.
	 */
	private static List<Row> rows(byte[] file, String name, List<String> columns, Set<String> required,
			List<RowProblem> problems, List<RowProblem> refusedText) {
		if (file == null || file.length == 0) {
			return List.of();
		}
		String content;
		try {
			content = Utf8.decode(file);
		}
		catch (Utf8.UndecodableException notUtf8) {
			problems.add(new RowProblem(name, notUtf8.line(), new FieldProblem("file", "import.file.notUtf8")));
			return List.of();
		}
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			List<RowProblem> refusedHeaders = parser.getHeaderNames()
				.stream()
				.flatMap(header -> TextRules.problem("header", header).stream())
				.map(problem -> new RowProblem(name, 1, problem))
				.toList();
			if (!refusedHeaders.isEmpty()) {
				refusedText.addAll(refusedHeaders);
				return List.of();
			}
			Set<String> headers = new LinkedHashSet<>();
			parser.getHeaderNames().forEach(header -> headers.add(header.strip().toLowerCase(Locale.ROOT)));
			Set<String> unknown = new LinkedHashSet<>(headers);
			columns.forEach(unknown::remove);
			Set<String> missing = new LinkedHashSet<>(required);
			missing.removeAll(headers);
			if (!unknown.isEmpty() || !missing.isEmpty()) {
				problems.add(new RowProblem(name, 1, new FieldProblem("header", "import.header.invalid",
						String.join(",", columns), String.join(",", parser.getHeaderNames()))));
				return List.of();
			}
			List<CSVRecord> records = parser.getRecords();
			if (records.size() > MAX_ROWS) {
				problems.add(new RowProblem(name, 0, new FieldProblem("file", "import.file.tooManyRows", MAX_ROWS)));
				return List.of();
			}
			List<Row> rows = new ArrayList<>();
			LineCounter lines = new LineCounter(content);
			for (CSVRecord record : records) {
				long line = lines.lineOfRecordAt(record.getCharacterPosition());
				if (!record.isConsistent()) {
					problems.add(new RowProblem(name, line,
							new FieldProblem("row", "import.row.columns", headers.size(), record.size())));
				}
				else if (textAccepted(record, name, line, refusedText)) {
					rows.add(new Row(record, line));
				}
			}
			return rows;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
			problems.add(new RowProblem(name, 0,
					new FieldProblem("file", "import.file.unreadable", unreadable.getMessage())));
			return List.of();
		}
	}

	private static boolean textAccepted(CSVRecord record, String file, long line, List<RowProblem> refusedText) {
		boolean accepted = true;
		for (Map.Entry<String, String> field : record.toMap().entrySet()) {
			Optional<FieldProblem> problem = TextRules.problem(field.getKey().strip().toLowerCase(Locale.ROOT),
					field.getValue());
			if (problem.isPresent()) {
				refusedText.add(new RowProblem(file, line, problem.get()));
				accepted = false;
			}
		}
		return accepted;
	}

	/**
	 * Line numbers of character positions asked for in increasing order, in one pass over
	 * the text.
	 */
	private static final class LineCounter {

		private final String text;

		private int position;

		private long line = 1;

		LineCounter(String text) {
			this.text = text;
		}

		/**
		 * The line (from 1) a record starts on, given the position the parser reports for
		 * it: that position can lie before empty lines the parser skipped. A line ends
		 * with LF, CR LF or a CR alone.
		 */
		long lineOfRecordAt(long reported) {
			while (position < reported || position < text.length() && isLineBreak(text.charAt(position))) {
				char c = text.charAt(position++);
				if (c == '\n' || c == '\r' && (position >= text.length() || text.charAt(position) != '\n')) {
					line++;
				}
			}
			return line;
		}

		private static boolean isLineBreak(char c) {
			return c == '\n' || c == '\r';
		}

	}

	private static String value(CSVRecord record, String column) {
		return record.isMapped(column) && record.get(column) != null ? record.get(column).strip() : "";
	}

	private static String key(String groupName) {
		return groupName.strip().toLowerCase(Locale.ROOT);
	}

	/** An import refused because of problems; the plan lists them. */
	static class InvalidImportException extends RuntimeException {

		private final Plan plan;

		InvalidImportException(Plan plan) {
			super("The import has " + plan.problems().size() + " problem(s); nothing was imported");
			this.plan = plan;
		}

		Plan plan() {
			return plan;
		}

	}

}
