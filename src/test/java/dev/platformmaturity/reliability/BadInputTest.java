package dev.platformmaturity.reliability;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.reliability.BadInput.Expected;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static dev.platformmaturity.reliability.BadInputRequests.*;
import static dev.platformmaturity.reliability.BadInput.Expected.form;
import static dev.platformmaturity.reliability.BadInput.Expected.page;
import static dev.platformmaturity.reliability.BadInput.Expected.pageMentioning;
import static dev.platformmaturity.reliability.BadInput.Expected.problem;
import static dev.platformmaturity.reliability.BadInput.Expected.problemMentioning;
import static dev.platformmaturity.reliability.BadInput.messageOf;
import static dev.platformmaturity.reliability.BadInput.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The bad-input table: malformed requests across the API, the forms, the searches and the
 * CSV import. Each is sent in English and in Chinese and must get its status and its
 * message in that language, and must change no row of any application table (compared by
 * {@link TableChecksum} before and after). Never a 500, never a silent change.
 * <p>
 * To cover a new endpoint, add rows to the list of its channel below
 * ({@link #jsonBodies()}, {@link #apiParameters()}, {@link #pageParameters()},
 * {@link #forms()}, {@link #csvImport()}, {@link #notifications()}); the fixture offers a
 * team with a started assessment, its member, a platform lead, an administrator and more.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	static final String NUL = "a\u0000b";

	static final String LONE_SURROGATE = "a\uD800b";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	Fixture fixture;

	TableChecksum checksum;

	Map<String, String> tables;

	/**
	 * What the rows refer to: a team whose assessment of the open quarter is started, its
	 * member, a lead, an administrator, a person in no team, a planned quarter and a
	 * group.
	 */
	record Fixture(TestData.Team team, TestData.Person member, TestData.Person lead, TestData.Person admin,
			TestData.Person outsider, String quarter, String plannedQuarter, long groupId) {

		String assessment() {
			return "/teams/" + team.slug() + "/assessments/" + quarter;
		}

		String api() {
			return "/api/v1" + assessment();
		}

		String target() {
			return api() + "/targets/investment";
		}

		String answer() {
			return api() + "/answers/investment_1";
		}

	}

	@BeforeAll
	void fixture() throws Exception {
		TestData.Team team = data.team("Bad input");
		TestData.Person member = data.member(team);
		fixture = new Fixture(team, member, data.person(Role.LEAD), data.person(Role.ADMIN), data.person(Role.MEMBER),
				data.openQuarter().label(), data.plannedQuarter().label(), data.group("Bad input group"));
		MvcResult started = mvc.perform(put(fixture.answer()).with(user(data.principal(member)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"option\": \"investment_1:2\", \"notApplicable\": false, \"comment\": \"\", \"version\": 0}"))
			.andReturn();
		assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(200);
		checksum = new TableChecksum(jdbc);
		assertThat(checksum.tables()).as("application tables compared").isGreaterThan(20);
	}

	/**
	 * Other tests of this class add rows; each table of requests starts from the tables
	 * as they are now.
	 */
	@BeforeEach
	void compareWithTheTablesAsTheyAreNow() {
		tables = null;
	}

	@TestFactory
	Stream<DynamicTest> everyBadInputIsRefusedInBothLanguagesAndChangesNothing() {
		List<BadInput> rows = badInputs();
		assertThat(rows).as("malformed requests in the table").hasSizeGreaterThanOrEqualTo(150);
		assertThat(rows.stream().collect(Collectors.groupingBy(BadInput::name, Collectors.counting())))
			.as("row names used more than once")
			.allSatisfy((name, count) -> assertThat(count).as(name).isOne());
		return tests(rows);
	}

	@Test
	void pagesBeyondTheLastAndBeforeTheFirstShowTheLastAndTheFirstPage() throws Exception {
		String prefix = TestData.unique("Pager");
		long group = data.group(prefix);
		for (int i = 0; i < 60; i++) {
			data.team(prefix + " team " + i, group);
		}
		for (int i = 0; i < 30; i++) {
			data.group(prefix + " group");
			TestData.Person person = data.person(Role.MEMBER);
			jdbc.sql("update person set display_name = ? where id = ?")
				.params(prefix + " person " + i, person.id())
				.update();
		}
		Map<String, Integer> lastPages = Map.of("/admin/people", 2, "/admin/teams", 3, "/admin/groups", 2, "/dashboard",
				2);
		for (Map.Entry<String, Integer> list : lastPages.entrySet()) {
			Map<String, String> before = checksum.digests();
			String pages = " of " + list.getValue() + " ";

			assertThat(pagerText(list.getKey(), prefix, "99999999")).as(list.getKey())
				.contains("Page " + list.getValue() + pages);
			assertThat(pagerText(list.getKey(), prefix, "2147483647")).as(list.getKey())
				.contains("Page " + list.getValue() + pages);
			assertThat(pagerText(list.getKey(), prefix, "-3")).as(list.getKey()).contains("Page 1" + pages);
			assertThat(checksum.digests()).as(list.getKey()).isEqualTo(before);
		}
	}

	private String pagerText(String list, String search, String page) throws Exception {
		MvcResult result = mvc
			.perform(get(list).param("q", search.toLowerCase(Locale.ROOT))
				.param("page", page)
				.with(user(data.principal(fixture.admin())))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(list + "?page=" + page).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).select("nav.pager").text()
				+ " ";
	}

	// ----------------------------------------------------------------------------------------------
	// the table

	List<BadInput> badInputs() {
		List<BadInput> rows = new ArrayList<>();
		rows.addAll(jsonBodies());
		rows.addAll(assessmentRules());
		rows.addAll(apiParameters());
		rows.addAll(pageParameters());
		rows.addAll(FormBadInputs.rows());
		rows.addAll(csvImport());
		rows.addAll(actions());
		rows.addAll(cncfImport());
		rows.addAll(exchange());
		rows.addAll(NotificationBadInputs.rows());
		return rows;
	}

	/** JSON request bodies: syntax, types, numbers, fields, text. */
	List<BadInput> jsonBodies() {
		List<BadInput> rows = new ArrayList<>(List.of(
				json("a level of 2.5", Fixture::target, "{\"level\": 2.5, \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level of 2.0", Fixture::target, "{\"level\": 2.0, \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level of 1e400", Fixture::target, "{\"level\": 1e400, \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level as text", Fixture::target, "{\"level\": \"2\", \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level as empty text", Fixture::target, "{\"level\": \"\", \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level as true", Fixture::target, "{\"level\": true, \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level as a list", Fixture::target, "{\"level\": [2], \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level as an object", Fixture::target, "{\"level\": {\"value\": 2}, \"version\": 0}",
						problem(400, "api.json.field.type", "level", type("wholeNumber"))),
				json("a level beyond the int range", Fixture::target, "{\"level\": 99999999999, \"version\": 0}",
						problem(400, "api.json.field.range", "level", type("wholeNumber"))),
				json("a level of 5", Fixture::target, "{\"level\": 5, \"version\": 0}",
						problem(400, "assessment.level.outOfRange", 5)),
				json("a version of 0.5", Fixture::target, "{\"level\": 2, \"version\": 0.5}",
						problem(400, "api.json.field.type", "version", type("wholeNumber"))),
				json("a version as text", Fixture::target, "{\"level\": 2, \"version\": \"0\"}",
						problem(400, "api.json.field.type", "version", type("wholeNumber"))),
				json("a version beyond the long range", Fixture::target,
						"{\"level\": 2, \"version\": 99999999999999999999}",
						problem(400, "api.json.field.range", "version", type("wholeNumber"))),
				json("a version with 2,000 digits", Fixture::target,
						"{\"level\": 2, \"version\": " + "9".repeat(2000) + "}", problem(400, "api.json.tooLarge")),
				json("a misspelt field", Fixture::target, "{\"levle\": 2, \"version\": 0}",
						problem(400, "api.json.field.unknown", "levle", "level, version")),
				json("a field given twice", Fixture::target, "{\"level\": 2, \"level\": 3, \"version\": 0}",
						problem(400, "api.json.field.duplicate", "level")),
				json("an unknown aspect", f -> f.api() + "/targets/flow", "{\"level\": 2, \"version\": 0}",
						problem(404, "assessment.aspect.unknown", "flow")),
				json("an empty body", Fixture::target, "", problem(400, "api.json.missing")),
				json("a body of blanks", Fixture::target, "  \n ",
						problem(400, "api.json.body.type", messageOf("api.json.body"), type("object"))),
				json("a body of null", Fixture::target, "null", problem(400, "api.json.missing")),
				json("a list for a body", Fixture::target, "[]",
						problem(400, "api.json.body.type", messageOf("api.json.body"), type("object"))),
				json("a text for a body", Fixture::target, "\"level\"",
						problem(400, "api.json.body.type", messageOf("api.json.body"), type("object"))),
				json("a number for a body", Fixture::target, "2",
						problem(400, "api.json.body.type", messageOf("api.json.body"), type("object"))),
				json("a body cut short", Fixture::target, "{\"level\": 2, \"version\": 0",
						problem(400, "api.json.incomplete", 1, 26)),
				json("a text cut short", Fixture::answer, "{\"comment\": \"abc",
						problem(400, "api.json.incomplete", 1, 17)),
				json("a trailing comma", Fixture::target, "{\"level\": 2,}", problem(400, "api.json.syntax", 1, 13)),
				json("single quotes", Fixture::target, "{'level': 2}", problem(400, "api.json.syntax", 1, 2)),
				json("a name without quotes", Fixture::target, "{level: 2}", problem(400, "api.json.syntax", 1, 2)),
				json("a missing colon", Fixture::target, "{\"level\" 2}", problem(400, "api.json.syntax", 1, 10)),
				json("NaN", Fixture::target, "{\"level\": NaN, \"version\": 0}",
						problem(400, "api.json.syntax", 1, 14)),
				json("a leading zero", Fixture::target, "{\"level\": 02, \"version\": 0}",
						problem(400, "api.json.syntax", 1, 12)),
				json("a comment in the JSON", Fixture::target, "{/* level */ \"level\": 2, \"version\": 0}",
						problem(400, "api.json.syntax", 1, 2)),
				json("something after the body", Fixture::target, "{\"level\": 2, \"version\": 0} x",
						problem(400, "api.json.syntax", 1, 28)),
				json("an error on the third line", Fixture::target, "{\n  \"level\": 2,\n  \"version\": 0,\n}",
						problem(400, "api.json.syntax", 4, 1)),
				json("an unescaped NUL in a text", Fixture::answer, "{\"comment\": \"a\u0000b\", \"version\": 1}",
						problem(400, "api.json.syntax", 1, 15)),
				jsonBytes("bytes that are not UTF-8", Fixture::answer,
						bytes("{\"comment\": \"", new byte[] { (byte) 0xFF, (byte) 0xFE }, "\", \"version\": 1}"),
						problem(400, "api.json.notUtf8", 1)),
				jsonBytes("a surrogate encoded in the JSON's UTF-8 bytes", Fixture::answer,
						bytes("{\"comment\": \"", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
								"\", \"version\": 1}"),
						problem(400, "api.json.notUtf8", 1)),
				jsonBytes("bytes that are not UTF-8 on the second line", Fixture::answer,
						bytes("{\"version\": 1,\n \"comment\": \"ab", new byte[] { (byte) 0xC3 }, "\"}"),
						problem(400, "api.json.notUtf8", 2)),
				json("a comment as a number", Fixture::answer, "{\"comment\": 5, \"version\": 1}",
						problem(400, "api.json.field.type", "comment", type("text"))),
				json("a comment as true", Fixture::answer, "{\"comment\": true, \"version\": 1}",
						problem(400, "api.json.field.type", "comment", type("text"))),
				json("a comment as a list", Fixture::answer, "{\"comment\": [\"a\"], \"version\": 1}",
						problem(400, "api.json.field.type", "comment", type("text"))),
				json("an option as a number", Fixture::answer, "{\"option\": 3, \"version\": 1}",
						problem(400, "api.json.field.type", "option", type("text"))),
				json("not applicable as text", Fixture::answer, "{\"notApplicable\": \"yes\", \"version\": 1}",
						problem(400, "api.json.field.type", "notApplicable", type("boolean"))),
				json("not applicable as 1", Fixture::answer, "{\"notApplicable\": 1, \"version\": 1}",
						problem(400, "api.json.field.type", "notApplicable", type("boolean"))),
				json("confirm as text", Fixture::answer, "{\"confirm\": \"true\", \"version\": 1}",
						problem(400, "api.json.field.type", "confirm", type("boolean"))),
				json("an answer version of 1.5", Fixture::answer, "{\"option\": null, \"version\": 1.5}",
						problem(400, "api.json.field.type", "version", type("wholeNumber"))),
				json("a misspelt answer field", Fixture::answer, "{\"comments\": \"x\", \"version\": 1}",
						problem(400, "api.json.field.unknown", "comments",
								"comment, confirm, notApplicable, option, version")),
				json("a NUL in a field name", Fixture::answer, "{\"comm\\u0000ent\": \"x\", \"version\": 1}",
						problem(400, "api.json.field.unknown", "commU+0000ent",
								"comment, confirm, notApplicable, option, version")),
				json("an option that does not exist", Fixture::answer,
						"{\"option\": \"investment_1:9\", \"version\": 1}",
						problem(400, "assessment.level.outOfRange", 9)),
				json("an unknown question", f -> f.api() + "/answers/flow_1", "{\"option\": null, \"version\": 0}",
						problem(404, "assessment.question.unknown", "flow_1")),
				json("an unknown quarter", f -> "/api/v1/teams/" + f.team().slug() + "/assessments/1999-Q9/targets/x",
						"{\"level\": 2, \"version\": 0}", problem(404, "error.quarter.notFound", "1999-Q9")),
				new BadInput("a body sent as plain text", Role.MEMBER,
						f -> put(f.answer()).contentType(MediaType.TEXT_PLAIN).content("comment"),
						problem(415, "problemDetail.org.springframework.web.HttpMediaTypeNotSupportedException",
								"text/plain;charset=UTF-8", "[application/json, application/*+json]")),
				new BadInput("a body sent as YAML, which the JSON rules would refuse (a version of 1.5)", Role.MEMBER,
						f -> put(f.answer()).contentType(MediaType.APPLICATION_YAML)
							.content("option: investment_1:3\nnotApplicable: false\ncomment: in YAML\nversion: 1.5\n"),
						problem(415, "problemDetail.org.springframework.web.HttpMediaTypeNotSupportedException",
								"application/yaml;charset=UTF-8", "[application/json, application/*+json]")),
				new BadInput("a GET to a save", Role.MEMBER, f -> get(f.answer()),
						problem(405, "problemDetail.org.springframework.web.HttpRequestMethodNotSupportedException",
								"GET", "[PUT]")),
				new BadInput("an address that does not exist", Role.MEMBER, f -> get("/api/v1/nothing-here"), problem(
						404, "problemDetail.org.springframework.web.servlet.resource.NoResourceFoundException"))));
		for (String field : List.of("comment", "option")) {
			rows.add(
					json("a NUL in the " + field, Fixture::answer, "{\"" + field + "\": \"a\\u0000b\", \"version\": 1}",
							problem(400, "input.text.nul", field, 2, "U+0000")));
			rows.add(json("a lone high surrogate in the " + field, Fixture::answer,
					"{\"" + field + "\": \"a\\ud800b\", \"version\": 1}",
					problem(400, "input.text.loneSurrogate", field, 2, "U+D800")));
			rows.add(json("a lone low surrogate in the " + field, Fixture::answer,
					"{\"" + field + "\": \"\\udfffb\", \"version\": 1}",
					problem(400, "input.text.loneSurrogate", field, 1, "U+DFFF")));
			rows.add(json("surrogates in the wrong order in the " + field, Fixture::answer,
					"{\"" + field + "\": \"x\\ude80\\ud83d\", \"version\": 1}",
					problem(400, "input.text.loneSurrogate", field, 2, "U+DE80")));
		}
		return rows;
	}

	/** Query parameters and path variables of the API. */
	List<BadInput> apiParameters() {
		return List.of(
				apiGet("a NUL in the dashboard API's quarter", Role.LEAD, "/api/v1/dashboard", "quarter", NUL,
						problem(400, "input.text.nul", "quarter", 2, "U+0000")),
				apiGet("a lone surrogate in the dashboard API's quarter", Role.LEAD, "/api/v1/dashboard", "quarter",
						LONE_SURROGATE, problem(400, "input.text.loneSurrogate", "quarter", 2, "U+D800")),
				apiGet("a group that is no number", Role.LEAD, "/api/v1/dashboard", "group", "abc",
						problem(400, "input.parameter.type", "group", type("wholeNumber"), "abc")),
				apiGet("a group of 1.5", Role.LEAD, "/api/v1/dashboard", "group", "1.5",
						problem(400, "input.parameter.type", "group", type("wholeNumber"), "1.5")),
				apiGet("a group beyond the long range", Role.LEAD, "/api/v1/dashboard", "group", "99999999999999999999",
						problem(400, "input.parameter.type", "group", type("wholeNumber"), "99999999999999999999")),
				apiGet("a quarter that does not exist", Role.LEAD, "/api/v1/dashboard", "quarter", "1999-Q9",
						problem(404, "error.quarter.notFound", "1999-Q9")),
				apiGet("a NUL in the model's language", null, "/api/v1/model", "lang", NUL,
						problem(400, "input.text.nul", "lang", 2, "U+0000")),
				apiGet("a language the model does not have", null, "/api/v1/model", "lang", "fr",
						problem(400, "api.model.unsupportedLanguage", "fr", "en, zh-CN, de, es")),
				apiGet("a NUL in any parameter", Role.MEMBER, "/api/v1/teams", "anything", NUL,
						problem(400, "input.text.nul", "anything", 2, "U+0000")),
				apiGet("a report for a group that is no number", Role.LEAD, "/api/v1/reports/organisation.pdf", "group",
						"abc", problem(400, "input.parameter.type", "group", type("wholeNumber"), "abc")),
				apiGet("a NUL in a report's language", Role.LEAD, "/api/v1/reports/organisation.pdf", "lang", NUL,
						problem(400, "input.text.nul", "lang", 2, "U+0000")));
	}

	/** Searches, page numbers and other parameters of pages. */
	List<BadInput> pageParameters() {
		List<BadInput> rows = new ArrayList<>();
		record Parameter(String what, Role as, Function<Fixture, String> path, String name) {
		}
		List<Parameter> texts = List.of(new Parameter("the dashboard's search", Role.LEAD, f -> "/dashboard", "q"),
				new Parameter("the dashboard's quarter", Role.LEAD, f -> "/dashboard", "quarter"),
				new Parameter("the dashboard's sort", Role.LEAD, f -> "/dashboard", "sort"),
				new Parameter("a team to compare", Role.LEAD, f -> "/dashboard/compare", "team"),
				new Parameter("a team's trend", Role.LEAD, f -> "/dashboard/trends", "team"),
				new Parameter("the heatmap export's quarter", Role.LEAD, f -> "/dashboard/heatmap.csv", "quarter"),
				new Parameter("the answers export's quarter", Role.LEAD, f -> "/dashboard/answers.csv", "quarter"),
				new Parameter("the people search", Role.ADMIN, f -> "/admin/people", "q"),
				new Parameter("the team search", Role.ADMIN, f -> "/admin/teams", "q"),
				new Parameter("the group search", Role.ADMIN, f -> "/admin/groups", "q"),
				new Parameter("the aspect to answer", Role.MEMBER, f -> f.assessment() + "/answer", "aspect"),
				new Parameter("a parameter of the history", Role.MEMBER, f -> f.assessment() + "/history", "x"),
				new Parameter("a parameter of the team list", Role.MEMBER, f -> "/teams", "x"),
				new Parameter("the language of the model page", null, f -> "/model", "lang"),
				new Parameter("a parameter of the home page", null, f -> "/", "x"),
				new Parameter("a parameter of the sign-in page", null, f -> "/login", "username"));
		for (Parameter parameter : texts) {
			rows.add(new BadInput("a NUL in " + parameter.what(), parameter.as(),
					f -> get(parameter.path().apply(f)).param(parameter.name(), NUL),
					page(400, "input.text.nul", parameter.name(), 2, "U+0000")));
			rows.add(new BadInput("a lone surrogate in " + parameter.what(), parameter.as(),
					f -> get(parameter.path().apply(f)).param(parameter.name(), LONE_SURROGATE),
					page(400, "input.text.loneSurrogate", parameter.name(), 2, "U+D800")));
		}
		rows.addAll(List.of(
				pageGet("a dashboard page that is no number", Role.LEAD, "/dashboard", "page", "abc",
						page(400, "input.parameter.type", "page", type("wholeNumber"), "abc")),
				pageGet("a dashboard page beyond the int range", Role.LEAD, "/dashboard", "page", "99999999999",
						page(400, "input.parameter.type", "page", type("wholeNumber"), "99999999999")),
				pageGet("a dashboard group that is no number", Role.LEAD, "/dashboard", "group", "abc",
						page(400, "input.parameter.type", "group", type("wholeNumber"), "abc")),
				pageGet("a trend group that is no number", Role.LEAD, "/dashboard/trends", "group", "x1",
						page(400, "input.parameter.type", "group", type("wholeNumber"), "x1")),
				pageGet("a heatmap export group that is no number", Role.LEAD, "/dashboard/heatmap.csv", "group", "abc",
						page(400, "input.parameter.type", "group", type("wholeNumber"), "abc")),
				pageGet("a people page that is no number", Role.ADMIN, "/admin/people", "page", "abc",
						page(400, "input.parameter.type", "page", type("wholeNumber"), "abc")),
				pageGet("a people page beyond the int range", Role.ADMIN, "/admin/people", "page", "2147483648",
						page(400, "input.parameter.type", "page", type("wholeNumber"), "2147483648")),
				pageGet("a role that does not exist", Role.ADMIN, "/admin/people", "role", "KING",
						page(400, "input.parameter.type", "role", type("oneOf", "MEMBER, LEAD, ADMIN"), "KING")),
				pageGet("a team list group that is no number", Role.ADMIN, "/admin/teams", "group", "x",
						page(400, "input.parameter.type", "group", type("wholeNumber"), "x")),
				pageGet("a group page that is no number", Role.ADMIN, "/admin/groups", "page", "-x",
						page(400, "input.parameter.type", "page", type("wholeNumber"), "-x")),
				new BadInput("a person address that is no number", Role.ADMIN, f -> get("/admin/people/abc"),
						page(400, "input.parameter.type", "id", type("wholeNumber"), "abc")),
				new BadInput("a group address that is no number", Role.ADMIN, f -> get("/admin/groups/1e3"),
						page(400, "input.parameter.type", "id", type("wholeNumber"), "1e3")),
				new BadInput("a page with a long value that is no number", Role.ADMIN,
						f -> get("/admin/people").param("page", "9".repeat(60)),
						page(400, "input.parameter.type", "page", type("wholeNumber"), "9".repeat(40) + "…"))));
		return rows;
	}

	/**
	 * The CSV import's preview: it names the file, line and column of every problem and
	 * imports nothing.
	 */
	List<BadInput> csvImport() {
		return List.of(
				preview("a NUL in a team's name", "slug,name,group\nnul-team,Pay\u0000ments,Group\n", null,
						page(200, "input.text.nul", "name", 4, "U+0000")),
				preview("a NUL in a team's slug", "slug,name,group\n\u0000,Name,Group\n", null,
						page(200, "input.text.nul", "slug", 1, "U+0000")),
				preview("a NUL in a person's e-mail", null,
						"username,name,email\nnul.person,Person,a\u0000@example.org\n",
						page(200, "input.text.nul", "email", 2, "U+0000")),
				preview("a NUL in a person's password", null,
						"username,name,password\nnul.person,Person,a long\u0000password\n",
						page(200, "input.text.nul", "password", 7, "U+0000")),
				preview("a NUL in a header", "slug,na\u0000me,group\nx,y,z\n", null,
						page(200, "input.text.nul", "header", 3, "U+0000")),
				preview("a people file that is not UTF-8", null, "username,name\nwang.fang,王芳\n",
						Charset.forName("GBK"), page(200, "import.file.notUtf8")),
				previewBytes("a surrogate encoded in a CSV file's UTF-8 bytes",
						bytes("slug,name,group\nx,", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, ",G\n"),
						page(200, "import.file.notUtf8")),
				preview("a row with too many values", "slug,name,group\nx,y,z,extra\n", null,
						page(200, "import.row.columns", 3, 4)),
				preview("a header that names other columns", "team,title\nx,y\n", null,
						page(200, "import.header.invalid", "slug,name,group", "team,title")),
				preview("an empty upload", "", null, page(200, "import.nothing")));
	}

	/** An action of the fixture's team, created once for the rows that change one. */
	private long actionId;

	private String action(Fixture f) {
		return "/api/v1/teams/" + f.team().slug() + "/actions/" + actionId;
	}

	static String actions(Fixture f) {
		return "/api/v1/teams/" + f.team().slug() + "/actions";
	}

	static String actionPages(Fixture f) {
		return "/teams/" + f.team().slug() + "/actions";
	}

	/**
	 * Actions: the rules of their fields through the API and the form, and text every
	 * field refuses.
	 */
	List<BadInput> actions() {
		if (actionId == 0) {
			try {
				String created = mvc
					.perform(post(actions(fixture)).with(user(data.principal(fixture.member())))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"title\": \"Bad input\", \"aspect\": \"investment\"}"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				actionId = JSON.readTree(created).path("id").asLong();
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		}
		String title201 = "标".repeat(201);
		List<BadInput> rows = new ArrayList<>(List.of(
				newAction("an empty title", "{\"title\": \"  \", \"aspect\": \"investment\"}",
						problem(400, "action.title.required")),
				newAction("a title of 201 characters", "{\"title\": \"" + title201 + "\", \"aspect\": \"investment\"}",
						problem(400, "action.title.tooLong", 200, 201)),
				newAction("an owner who is not a member",
						f -> "{\"title\": \"T\", \"aspect\": \"investment\", \"owner\": \"" + f.outsider().username()
								+ "\"}",
						problem(400, "action.owner.notMember", fixture.outsider().username())),
				newAction("a due date before 2000",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"dueOn\": \"1999-12-31\"}",
						problem(400, "action.dueOn.outOfRange", "2000-01-01", "2100-12-31")),
				newAction("a due date after 2100",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"dueOn\": \"2101-01-01\"}",
						problem(400, "action.dueOn.outOfRange", "2000-01-01", "2100-12-31")),
				newAction("a javascript: link",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"trackerUrl\": \"javascript:alert(1)\"}",
						problem(400, "action.trackerUrl.invalid")),
				newAction("an ftp: link",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"trackerUrl\": \"ftp://files.example.org/x\"}",
						problem(400, "action.trackerUrl.invalid")),
				newAction("a characteristic of another aspect",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"characteristic\": \"adoption.3.c1\"}",
						problem(400, "action.characteristic.otherAspect", "adoption.3.c1", "adoption", "investment")),
				newAction("a characteristic the model version does not have",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"characteristic\": \"investment.3.c99\"}",
						problem(400, "action.characteristic.notInVersion", "investment.3.c99", "cncf-pemm-v1")),
				newAction("a characteristic of another model version",
						"{\"title\": \"T\", \"modelVersion\": \"cncf-pemm-v2\", \"aspect\": \"investment\","
								+ " \"characteristic\": \"investment.3.c1\"}",
						problem(400, "action.modelVersion.unknown", "cncf-pemm-v2")),
				newAction("a planned level of 5", "{\"title\": \"T\", \"aspect\": \"investment\", \"plannedLevel\": 5}",
						problem(400, "action.plannedLevel.outOfRange", 5)),
				newAction("a status that does not exist",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"status\": \"FINISHED\"}",
						problem(400, "api.json.field.type", "status",
								type("oneOf", "PLANNED, IN_PROGRESS, DONE, DROPPED"))),
				newAction("notes of 2,001 characters",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"notes\": \"" + "🚀".repeat(2001) + "\"}",
						problem(400, "action.notes.tooLong", 2000, 2001)),
				json("a change of an action without version", this::action,
						"{\"title\": \"T\", \"aspect\": \"investment\"}", problem(400, "action.version.required")),
				json("a change of an action with a link without scheme", this::action,
						"{\"title\": \"T\", \"aspect\": \"investment\", \"trackerUrl\": \"tracker.example.org\","
								+ " \"version\": 0}",
						problem(400, "action.trackerUrl.invalid")),
				json("a change of an action the team does not have", f -> actions(f) + "/999999999",
						"{\"title\": \"T\", \"aspect\": \"investment\", \"version\": 0}",
						problem(404, "action.notFound", 999999999L)),
				actionForm("a title of 201 characters in the form", "title", title201,
						form("action.title.tooLong", 200, 201)),
				actionForm("a javascript: link in the form", "trackerUrl", "javascript:alert(1)",
						form("action.trackerUrl.invalid")),
				actionForm("a due date before 2000 in the form", "dueOn", "1999-06-30",
						form("action.dueOn.outOfRange", "2000-01-01", "2100-12-31")),
				actionForm("a due date that is no date in the form", "dueOn", "soon",
						form("typeMismatch.java.time.LocalDate")),
				new BadInput("an owner who is not a member in the form", Role.MEMBER,
						f -> post(actionPages(f)).param("title", "T")
							.param("aspect", "investment")
							.param("owner", f.outsider().username()),
						form("action.owner.notMember", fixture.outsider().username())),
				new BadInput("an empty comment on an action", Role.LEAD,
						f -> post(actionPages(f) + "/" + actionId + "/comments").param("text", "  "),
						form("action.comment.required"))));
		for (String field : List.of("title", "trackerUrl", "notes", "aspect", "characteristic", "owner")) {
			rows.add(new BadInput("a NUL in the action form's " + field, Role.MEMBER,
					f -> post(actionPages(f)).param("title", "T").param("aspect", "investment").param(field, NUL),
					page(400, "input.text.nul", field, 2, "U+0000")));
		}
		rows.add(new BadInput("a lone surrogate in a comment on an action", Role.MEMBER,
				f -> post(actionPages(f) + "/" + actionId + "/comments").param("text", LONE_SURROGATE),
				page(400, "input.text.loneSurrogate", "text", 2, "U+D800")));
		return rows;
	}

	/**
	 * The CNCF tool's share URL: reported and left out, or refused; a preview or a
	 * refused import writes nothing.
	 */
	List<BadInput> cncfImport() {
		return List.of(cncf("a share URL with a key given twice", "/preview",
				"https://cloud-native-platform-engineering.github.io/pemm-assessment/?investment_1=1&investment_1=3",
				page(200, "cncf.import.duplicateKey", "investment_1")),
				cncf("importing a share URL with a key given twice", "", "?investment_1=1&adoption_1=2&investment_1=3",
						page(200, "cncf.import.duplicateKey", "investment_1")),
				cncf("a share URL with an unknown key", "/preview", "?flow_1=2",
						page(200, "cncf.import.unknownKey", "flow_1", "2")),
				cncf("importing a share URL with only an unknown key", "", "?flow_1=2",
						page(200, "cncf.import.noAnswers")),
				cncf("a share URL with a value outside 1 to 4", "/preview", "?investment_1=5",
						page(200, "cncf.import.notALevel", "investment_1", "5")),
				cncf("a share URL of another host", "/preview", "https://example.org/pemm-assessment/?investment_1=2",
						page(200, "cncf.import.otherHost", "example.org",
								"cloud-native-platform-engineering.github.io")),
				cncf("a javascript: address as share URL", "/preview", "javascript:alert(1)//?investment_1=2",
						page(200, "cncf.import.notAShareUrl")),
				new BadInput("a NUL in the share URL", Role.MEMBER,
						f -> post(f.assessment() + "/cncf-import/preview").param("shared", NUL),
						page(400, "input.text.nul", "shared", 2, "U+0000")));
	}

	/**
	 * Files of the exchange format that cannot be imported: every problem listed, nothing
	 * written.
	 */
	List<BadInput> exchange() {
		String assessment = """
				{"quarter": {"label": "2099-Q4", "opensOn": "2099-10-01", "dueOn": "2099-11-15"},
				 "modelVersion": "%s", "status": "IN_PROGRESS", "submittedAt": null, "submittedBy": null,
				 "answers": [], "targets": []}""";
		String file = """
				{"format": "platform-maturity.team", "formatVersion": 1, "exportedAt": "2026-11-30T10:00:00Z",
				 "team": {"slug": "elsewhere", "name": "Elsewhere"}, "assessments": [%s], "actions": [%s]}""";
		String action = """
				{"modelVersion": "cncf-pemm-v1", "aspect": "investment", "characteristic": null, "owner": null,
				 "dueOn": null, "status": "PLANNED", "trackerUrl": null, "notes": null, "plannedLevel": null,
				 "createdAt": "2026-11-30T10:00:00Z", "createdBy": null, "doneAt": null, "comments": []%s}""";
		return List.of(
				exchangeFile("a team's data of another model",
						file.formatted(assessment.formatted("other-model-v1"), ""),
						problem(400, "exchange.refused", 1,
								messageOf("exchange.problem", "assessments[0].modelVersion",
										messageOf("exchange.modelVersion.unknown", "other-model-v1")))),
				exchangeFile("a team's data with a missing field", file.formatted("", action.formatted("")),
						problemMentioning(400, "actions\\[0]: .*\\btitle\\b", "actions\\[0]：.*title", null)),
				exchangeFile("a team's data with an owner who is not a member",
						file.formatted("",
								action.formatted(", \"title\": \"T\"")
									.replace("\"owner\": null", "\"owner\": \"nobody-here\"")),
						problem(400, "exchange.refused", 1,
								messageOf("exchange.problem", "actions[0].owner",
										messageOf("action.owner.notMember", "nobody-here")))),
				exchangeFile("a team's data that is no JSON", "{\"format\": ",
						problem(400, "exchange.refused", 1, messageOf("exchange.json.syntax", 1, 12))));
	}

	/**
	 * The assessment's own rules: a version required, a target that is a level, comments
	 * counted in characters.
	 */
	List<BadInput> assessmentRules() {
		return List.of(
				json("an answer without version", Fixture::answer, "{\"option\": null, \"comment\": \"\"}",
						problemMentioning(400, "\\bversion\\b", "version|版本", "assessment.answer.stale")),
				json("a target without version", Fixture::target, "{\"level\": 2}",
						problemMentioning(400, "\\bversion\\b", "version|版本", "assessment.target.stale")),
				new BadInput("a target that is no level on the answering form", Role.MEMBER,
						f -> post(f.assessment() + "/answer").param("aspect", "investment")
							.param("target", "abc")
							.param("original-target", "")
							.param("target-version", "0"),
						pageMentioning(200, "(?i)level|whole number", "级别|整数", "assessment.target.stale")),
				json("a comment of 2,001 characters outside the basic plane", Fixture::answer,
						"{\"comment\": \"" + "🚀".repeat(2001) + "\", \"version\": 1}",
						problem(400, "assessment.comment.tooLong", 2000, 2001)));
	}

	// ----------------------------------------------------------------------------------------------
	// running rows

	private Stream<DynamicTest> tests(List<BadInput> rows) {
		return rows.stream()
			.flatMap(row -> LANGUAGES.stream()
				.map(language -> DynamicTest.dynamicTest(row.name() + " [" + language.toLanguageTag() + "]",
						() -> send(row, language))));
	}

	private void send(BadInput row, Locale language) throws Exception {
		Map<String, String> before = tables == null ? checksum.digests() : tables;
		AbstractMockHttpServletRequestBuilder<?> request = row.request()
			.apply(fixture)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language.toLanguageTag())
			.with(csrf());
		if (row.as() != null) {
			request.with(user(data.principal(person(row.as()))));
		}
		MvcResult result = mvc.perform(request).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Expected expected = row.expected();
		boolean redirected = result.getResponse().getStatus() == 302;
		String redirectedTo = expected.shown() == BadInput.Shown.AFTER_REDIRECT && redirected
				? followRedirect(row, result, language) : null;
		tables = checksum.digests();

		assertThat(result.getResponse().getStatus()).as("status; answered %s", body).isEqualTo(expected.status());
		String shown = switch (expected.shown()) {
			case DETAIL -> {
				assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				yield JSON.readTree(body).path("detail").asString();
			}
			case PAGE -> Jsoup.parse(body).text();
			case AFTER_REDIRECT -> Jsoup.parse(redirectedTo).text();
		};
		if (expected.message() != null) {
			assertThat(shown).contains(inLanguage(expected.message(), language));
		}
		else {
			assertThat(shown).containsPattern(expected.pattern(language));
		}
		if (expected.notShown() != null) {
			assertThat(shown).as("not the explanation given before")
				.doesNotContain(messages.getMessage(expected.notShown(), new Object[] { "" }, language).strip());
		}
		assertThat(tables).as("rows of the application tables after the request").isEqualTo(before);
	}

	/**
	 * The message in a language, checked to be really in that language rather than a
	 * fallback.
	 */
	private String inLanguage(MessageSourceResolvable message, Locale language) {
		String english = messages.getMessage(message, Locale.ENGLISH);
		String chinese = messages.getMessage(message, Locale.SIMPLIFIED_CHINESE);
		assertThat(chinese).as("the Chinese message of %s", message.getCodes()[0])
			.isNotEqualTo(english)
			.containsPattern("\\p{IsHan}");
		return language.getLanguage().equals("zh") ? chinese : english;
	}

	private String followRedirect(BadInput row, MvcResult result, Locale language) throws Exception {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("redirected to").isNotNull();
		MockHttpServletRequestBuilder next = get(location).header(HttpHeaders.ACCEPT_LANGUAGE,
				language.toLanguageTag());
		if (result.getFlashMap() != null && !result.getFlashMap().isEmpty()) {
			next.flashAttrs(result.getFlashMap());
		}
		if (result.getResponse().getCookie("SESSION") != null) {
			next.cookie(result.getResponse().getCookie("SESSION"));
		}
		if (row.as() != null) {
			next.with(user(data.principal(person(row.as()))));
		}
		MvcResult shown = mvc.perform(next).andReturn();
		assertThat(shown.getResponse().getStatus()).as("the page redirected to").isEqualTo(200);
		return shown.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private TestData.Person person(Role role) {
		return switch (role) {
			case MEMBER -> fixture.member();
			case LEAD -> fixture.lead();
			case ADMIN -> fixture.admin();
		};
	}

}
