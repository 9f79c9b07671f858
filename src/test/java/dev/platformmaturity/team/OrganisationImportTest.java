package dev.platformmaturity.team;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.team.OrganisationImport.Plan;
import dev.platformmaturity.team.OrganisationImport.RowProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Onboarding from CSV: every row checked, every problem listed, nothing written unless
 * the whole import is valid.
 */
@IntegrationTest
class OrganisationImportTest {

	@Autowired
	OrganisationImport organisationImport;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	String prefix;

	@BeforeEach
	void uniquePrefix() {
		prefix = TestData.unique("imp");
	}

	@Test
	void aValidImportCreatesGroupsTeamsPeopleAndMembershipsAndGeneratesMissingPasswords() {
		String teams = """
				slug,name,group
				%1$s-pay,Payments 支付,%1$s Digital
				"%1$s-core","Core, ""Ledger""\",%1$s 核心
				""".formatted(prefix);
		String people = """
				\uFEFFusername,name,email,language,role,teams,password
				%1$s.wang,王芳,%1$s.wang@example.org,zh-CN,member,%1$s-pay;%1$s-core,
				%1$s.alex,Alex Smith,,,LEAD,,a long enough password
				""".formatted(prefix);

		OrganisationImport.Result result = asAdmin(() -> organisationImport.importAll(bytes(teams), bytes(people)));

		assertThat(result.groups()).isEqualTo(2);
		assertThat(result.teams()).isEqualTo(2);
		assertThat(result.people()).isEqualTo(2);
		assertThat(result.memberships()).isEqualTo(2);
		assertThat(result.generatedPasswords()).containsOnlyKeys(prefix + ".wang");
		assertThat(
				jdbc.sql("select name from team where slug = ?").param(prefix + "-core").query(String.class).single())
			.isEqualTo("Core, \"Ledger\"");
		assertThat(jdbc.sql("""
				select count(*) from membership m join person p on p.id = m.person_id
				where p.username = ? and p.display_name = '王芳' and p.preferred_language = 'zh-CN'""")
			.param(prefix + ".wang")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select role from person where username = ?")
			.param(prefix + ".alex")
			.query(String.class)
			.single()).isEqualTo("LEAD");
	}

	@Test
	void everyKindOfBadRowIsListedWithItsLineAndNothingIsWritten() {
		TestData.Team existingTeam = data.team("Existing");
		TestData.Person existingPerson = data.person(Role.MEMBER);
		String teams = """
				slug,name,group
				%1$s-ok,Fine team,%1$s Group
				Bad Slug,Bad,%1$s Group
				%1$s-ok,Duplicate in file,%1$s Group
				%2$s,Taken,%1$s Group
				%1$s-noname,,%1$s Group
				%1$s-nogroup,No group,
				""".formatted(prefix, existingTeam.slug());
		String people = """
				username,name,email,language,role,teams,password
				%1$s.ok,Fine,,en,MEMBER,%1$s-ok,a long enough password
				%2$s,Taken,,en,MEMBER,,a long enough password
				%1$s.ok,Duplicate,,en,MEMBER,,a long enough password
				%1$s.mail,Bad mail,not-an-email,en,MEMBER,,a long enough password
				%1$s.lang,Bad language,,fr,MEMBER,,a long enough password
				%1$s.role,Bad role,,en,BOSS,,a long enough password
				%1$s.team,Unknown team,,en,MEMBER,%1$s-nowhere,a long enough password
				%1$s.weak,Weak password,,en,MEMBER,,short
				,No username,,en,MEMBER,,a long enough password
				%1$s.cols,Too,many,columns,here,x,y,z
				""".formatted(prefix, existingPerson.username());
		long rowsBefore = rows();

		Plan plan = asAdmin(() -> organisationImport.plan(bytes(teams), bytes(people)));

		assertThat(plan.valid()).isFalse();
		assertThat(problems(plan)).containsExactlyInAnyOrder("teams:3:slug:team.slug.invalid",
				"teams:4:slug:import.slug.duplicate", "teams:5:slug:team.slug.taken", "teams:6:name:team.name.required",
				"teams:7:group:import.group.required", "people:3:username:person.username.taken",
				"people:4:username:import.username.duplicate", "people:5:email:person.email.invalid",
				"people:6:language:person.language.invalid", "people:7:role:import.role.invalid",
				"people:8:teams:import.team.unknown", "people:9:password:password.tooShort",
				"people:10:username:person.username.required", "people:11:row:import.row.columns");
		assertThatThrownBy(() -> asAdmin(() -> organisationImport.importAll(bytes(teams), bytes(people))))
			.isInstanceOf(OrganisationImport.InvalidImportException.class);
		assertThat(rows()).isEqualTo(rowsBefore);
		assertThat(jdbc.sql("select count(*) from team_group where name = ?")
			.param(prefix + " Group")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void wrongHeadersEncodingsAndEmptyUploadsAreExplained() {
		Plan wrongHeader = asAdmin(() -> organisationImport.plan(bytes("team,title\nx,y\n"), new byte[0]));
		Plan notUtf8 = asAdmin(() -> organisationImport
			.plan("slug,name,group\nzhifu,支付,核心\n".getBytes(Charset.forName("GBK")), new byte[0]));
		Plan nothing = asAdmin(() -> organisationImport.plan(new byte[0], bytes("username,name\n")));

		assertThat(problems(wrongHeader)).containsExactly("teams:1:header:import.header.invalid");
		assertThat(problems(notUtf8)).as("the first line that is not UTF-8")
			.containsExactly("teams:2:file:import.file.notUtf8");
		assertThat(problems(nothing)).containsExactly(":0:file:import.nothing");
		assertThat(messages.getMessage("import.file.notUtf8", null, Locale.SIMPLIFIED_CHINESE)).contains("UTF-8");
	}

	@Test
	void aMultiLineValueKeepsLineNumbersRight() {
		String teams = "slug,name,group\n\"" + prefix + "-a\",\"Two\nlines\",G\nBad Slug,x,G\n";
		Plan plan = asAdmin(() -> organisationImport.plan(bytes(teams), new byte[0]));
		assertThat(problems(plan)).containsExactly("teams:4:slug:team.slug.invalid");
	}

	@Test
	void theAdministratorPreviewsThenImportsWhatThePreviewShowed() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		String teams = "slug,name,group\n" + prefix + "-web,Web 网页," + prefix + " Channels\n";

		MockHttpServletResponse previewed = mvc
			.perform(multipart("/admin/import/preview")
				.file(new MockMultipartFile("teams", "teams.csv", "text/csv", bytes(teams)))
				.with(user(data.principal(admin)))
				.with(csrf())
				.header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("一切正常。导入将创建 1 个部门、1 个团队、0 名人员和 0 条团队成员关系。")))
			.andReturn()
			.getResponse();
		String preview = previewed.getContentAsString();
		Cookie session = previewed.getCookie("SESSION");
		String token = preview.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		assertThat(
				jdbc.sql("select count(*) from team where slug = ?").param(prefix + "-web").query(Long.class).single())
			.isZero();

		mvc.perform(post("/admin/import").param("token", token)
			.cookie(session)
			.with(user(data.principal(admin)))
			.with(csrf()))
			.andExpect(content()
				.string(containsString("Created 1 group(s), 1 team(s), 0 person(s) and 0 membership(s).")));
		assertThat(
				jdbc.sql("select count(*) from team where slug = ?").param(prefix + "-web").query(Long.class).single())
			.isOne();

		mvc.perform(post("/admin/import").param("token", token)
			.cookie(session)
			.with(user(data.principal(admin)))
			.with(csrf())).andExpect(content().string(containsString("The preview has expired or was replaced")));
	}

	@Test
	void aPreviewWithProblemsShowsThemInTheUsersLanguageAndOffersNoImport() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		mvc.perform(multipart("/admin/import/preview")
			.file(new MockMultipartFile("people", "people.csv", "text/csv",
					bytes("username,name,email\n" + prefix + ".x,X,broken\n")))
			.with(user(data.principal(admin)))
			.with(csrf())
			.header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("发现 1 个问题。更正之前不会导入任何内容。")))
			.andExpect(content().string(containsString("请输入类似 name@example.org 的电子邮箱地址。")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"token\""))));
	}

	@Test
	void aNulCharacterInAFieldIsReportedWithItsLineAndColumnAndNothingIsImported() {
		String teams = "slug,name,group\n" + prefix + "-ok,Fine," + prefix + " G\n" + prefix + "-nul,Bad\u0000Name,"
				+ prefix + " G\n";
		String people = "username,name,teams\n" + prefix + ".p,P\u0000erson," + prefix + "-ok\n";
		long rowsBefore = rows();

		Plan plan = asAdmin(() -> organisationImport.plan(bytes(teams), bytes(people)));

		assertThat(plan.valid()).isFalse();
		assertThat(problems(plan)).containsExactly("teams:3:name:input.text.nul", "people:2:name:input.text.nul");
		assertThat(plan.problems().get(0).problem().arguments()).containsExactly("name", 4, "U+0000");
		assertThatThrownBy(() -> asAdmin(() -> organisationImport.importAll(bytes(teams), bytes(people))))
			.isInstanceOf(OrganisationImport.InvalidImportException.class);
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void aNulCharacterInTheHeaderIsReported() {
		Plan plan = asAdmin(() -> organisationImport.plan(bytes("slug,na\u0000me,group\nx,y,z\n"), new byte[0]));

		assertThat(problems(plan)).containsExactly("teams:1:header:input.text.nul");
	}

	@Test
	void lineNumbersCountLfCrLfAndLoneCrLineEnds() {
		String[] ends = { "\n", "\r\n", "\r" };
		for (String end : ends) {
			String teams = "slug,name,group" + end + prefix + "-a,\"Two" + end + "lines\",G" + end + end
					+ "Bad Slug,x,G" + end;
			Plan plan = asAdmin(() -> organisationImport.plan(bytes(teams), new byte[0]));
			assertThat(problems(plan)).as("line ends %s", end.replace("\r", "CR").replace("\n", "LF"))
				.containsExactly("teams:5:slug:team.slug.invalid");
		}
	}

	/**
	 * The line of every record is counted in one pass (it used to be recounted from the
	 * start for each record).
	 */
	@Test
	void aTenThousandRowPreviewNamesTheRightLineOfEveryProblem() {
		StringBuilder teams = new StringBuilder("slug,name,group\n");
		StringBuilder people = new StringBuilder("username,name,email,teams\n");
		List<String> expectedTeams = new ArrayList<>();
		List<String> expectedPeople = new ArrayList<>();
		long teamLine = 2;
		long personLine = 2;
		for (int i = 0; i < OrganisationImport.MAX_ROWS; i++) {
			boolean badTeam = i % 997 == 13;
			boolean twoLines = i % 500 == 7;
			teams.append(badTeam ? "Bad Slug " + i : prefix + "-t" + i)
				.append(',')
				.append(twoLines ? "\"Team\n" + i + "\"" : "Team " + i)
				.append(',')
				.append(prefix)
				.append(" G")
				.append(i % 10)
				.append('\n');
			if (badTeam) {
				expectedTeams.add("teams:" + teamLine + ":slug:team.slug.invalid");
			}
			teamLine += twoLines ? 2 : 1;
			boolean badPerson = i % 1013 == 5;
			people.append(prefix)
				.append(".p")
				.append(i)
				.append(",Person ")
				.append(i)
				.append(',')
				.append(badPerson ? "not-an-email-" + i : prefix + ".p" + i + "@example.org")
				.append(',')
				.append(prefix)
				.append("-t")
				.append(i == 0 ? 0 : i - 1)
				.append('\n');
			if (badPerson) {
				expectedPeople.add("people:" + personLine + ":email:person.email.invalid");
			}
			personLine++;
		}

		Plan plan = asAdmin(() -> organisationImport.plan(bytes(teams.toString()), bytes(people.toString())));

		assertThat(plan.teams()).hasSize(OrganisationImport.MAX_ROWS);
		assertThat(plan.people()).hasSize(OrganisationImport.MAX_ROWS);
		assertThat(plan.teams().get(9_999).line()).isEqualTo(teamLine - 1);
		assertThat(plan.people().get(9_999).line()).isEqualTo(personLine - 1);
		assertThat(problems(plan).stream().filter(problem -> !problem.contains(":teams:import.team.unknown")))
			.containsExactlyElementsOf(Stream.concat(expectedTeams.stream(), expectedPeople.stream()).toList());
	}

	private static List<String> problems(Plan plan) {
		return plan.problems()
			.stream()
			.map((RowProblem row) -> row.file() + ":" + row.line() + ":" + row.problem().field() + ":"
					+ row.problem().messageKey())
			.toList();
	}

	private long rows() {
		return jdbc.sql(
				"select (select count(*) from team) + (select count(*) from person) + (select count(*) from team_group) + (select count(*) from membership)")
			.query(Long.class)
			.single();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static <T> T asAdmin(Supplier<T> work) {
		return SystemTask.run(work);
	}

}
