package dev.platformmaturity.assessment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.BeforeTransaction;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators plan quarters and move them planned → open → closed, one open at a time.
 * Each test closes the open quarter that other tests answer in, so it runs in a
 * transaction that is rolled back afterwards: no other test, in any order or at the same
 * time, ever sees that quarter closed.
 */
@IntegrationTest
@Transactional
class QuartersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAssessments given;

	TestData.Person admin;

	TestData.Quarter openForOthers;

	@BeforeTransaction
	void aQuarterOtherTestsAnswerIn() {
		openForOthers = data.openQuarter();
	}

	@BeforeEach
	void noQuarterOpen() {
		admin = data.person(Role.ADMIN);
		jdbc.sql("update quarter set state = 'CLOSED' where state = 'OPEN'").update();
	}

	@Test
	void anAdministratorPlansOpensAndClosesAQuarter() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15")).andExpect(redirectedUrl("/admin/quarters"));
		assertThat(state(label)).isEqualTo("PLANNED");

		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("notice", "admin.quarters.opened"));
		assertThat(state(label)).isEqualTo("OPEN");
		mvc.perform(get("/admin/quarters").with(asAdmin())).andExpect(content().string(containsString(label)));

		mvc.perform(post("/admin/quarters/" + label + "/close").with(asAdmin()).with(csrf()));
		assertThat(state(label)).isEqualTo("CLOSED");
		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("problem",
					"Only a planned quarter can be opened; " + label + " is not planned."));
		assertThat(state(label)).isEqualTo("CLOSED");
	}

	@Test
	void onlyOneQuarterIsOpenAtATime() throws Exception {
		String first = freeLabel();
		String second = freeLabel();
		for (String label : new String[] { first, second }) {
			mvc.perform(post("/admin/quarters").with(asAdmin())
				.with(csrf())
				.param("label", label)
				.param("opensOn", "2031-10-01")
				.param("dueOn", "2031-11-15"));
		}
		mvc.perform(post("/admin/quarters/" + first + "/open").with(asAdmin()).with(csrf()));
		mvc.perform(post("/admin/quarters/" + second + "/open").with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "zh-CN"))
			.andExpect(flash().attribute("problem", "季度 " + first + " 仍在开放中；请先将其关闭。"));
		assertThat(state(second)).isEqualTo("PLANNED");
	}

	@Test
	void aBadLabelADuplicateAndAWrongDateOrderAreRefused() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"));
		long before = jdbc.sql("select count(*) from quarter").query(Long.class).single();

		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", "Q4 2031")
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"))
			.andExpect(content().string(containsString("Write the quarter like 2026-Q4.")));
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"))
			.andExpect(content().string(containsString("The quarter " + label + " exists already.")));
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", freeLabel())
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-09-15"))
			.andExpect(content().string(containsString("The due date cannot be before the opening date.")));
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.param("label", freeLabel())
			.param("opensOn", "not a date")
			.param("dueOn", "2031-09-15"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入日期，例如 2026-10-01。")));

		assertThat(jdbc.sql("select count(*) from quarter").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void otherTestsMeanwhileStillAnswerInTheirOpenQuarter() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"));
		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()));
		assertThat(state(label)).isEqualTo("OPEN");

		JdbcConnectionDetails database = TestDatabase.shared();
		try (Connection another = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword());
				Statement statement = another.createStatement();
				ResultSet open = statement.executeQuery("select label from quarter where state = 'OPEN'")) {
			assertThat(open.next()).isTrue();
			assertThat(open.getString(1)).isEqualTo(openForOthers.label());
			assertThat(open.next()).isFalse();
		}
	}

	@Test
	void membersAndLeadsCannotManageQuarters() throws Exception {
		mvc.perform(get("/admin/quarters").with(user(data.principal(data.person(Role.LEAD)))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/quarters").with(user(data.principal(data.person(Role.MEMBER))))
			.with(csrf())
			.param("label", freeLabel())
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15")).andExpect(status().isForbidden());
	}

	@Test
	void closingAsksFirstAndListsTheTeamsThatHaveNotSubmitted() throws Exception {
		String label = openNewQuarter();
		TestData.Quarter quarter = new TestData.Quarter(quarterId(label), label);
		TestData.Team idle = data.team("Close idle");
		TestData.Team busy = data.team("Close busy");
		TestData.Team done = data.team("Close done");
		TestData.Person member = data.member(idle, busy, done);
		given.inProgress(busy, quarter, member).levels(Map.of("investment_1", 2, "investment_2", 3)).load();
		given.submitted(done, quarter, member).levels(Map.of("investment_1", 3)).load();

		String page = quartersPage();
		assertThat(page).contains("href=\"/admin/quarters/" + label + "/close\"")
			.doesNotContain("action=\"/admin/quarters/" + label + "/close\"");

		String confirm = mvc.perform(get("/admin/quarters/" + label + "/close").with(asAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirm).contains("Close the quarter " + label + "?", "teams have not submitted",
				"action=\"/admin/quarters/" + label + "/close\"");
		assertThat(row(confirm, idle)).contains("Not started");
		assertThat(row(confirm, busy)).contains("In progress", "2 of 20 reviewed");
		assertThat(confirm).doesNotContain(done.slug());
		assertThat(state(label)).as("asking changes nothing").isEqualTo("OPEN");

		mvc.perform(post("/admin/quarters/" + label + "/close").with(asAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/quarters"))
			.andExpect(flash().attribute("notice", "admin.quarters.closed"));
		assertThat(state(label)).isEqualTo("CLOSED");
		assertThat(events(label)).containsExactly("OPEN by " + admin.username(), "CLOSE by " + admin.username());

		mvc.perform(post("/admin/quarters/" + label + "/close").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("problem", "Only an open quarter can be closed; " + label + " is not open."));
		mvc.perform(get("/admin/quarters/" + label + "/close").with(asAdmin()).header("Accept-Language", "zh-CN"))
			.andExpect(redirectedUrl("/admin/quarters"))
			.andExpect(flash().attribute("problem", "只有开放中的季度可以关闭；" + label + " 未开放。"));
		assertThat(events(label)).as("the second close changed nothing").hasSize(2);
	}

	@Test
	void anUnknownQuarterIsToldAndNothingChanges() throws Exception {
		long events = jdbc.sql("select count(*) from quarter_event").query(Long.class).single();

		mvc.perform(get("/admin/quarters/1999-Q1/close").with(asAdmin())).andExpect(status().isNotFound());
		mvc.perform(post("/admin/quarters/1999-Q1/close").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("problem", "There is no quarter 1999-Q1."));
		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.param("quarter", "1999-Q1")
			.param("reason", "a typo"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is no quarter 1999-Q1.")));

		assertThat(jdbc.sql("select count(*) from quarter_event").query(Long.class).single()).isEqualTo(events);
	}

	@Test
	void anAdministratorReopensAClosedQuarterWithAReasonThatIsRecordedAndShown() throws Exception {
		String label = openNewQuarter();
		mvc.perform(post("/admin/quarters/" + label + "/close").with(asAdmin()).with(csrf()));

		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.param("quarter", label)
			.param("reason", "  Two teams were on leave until today.  "))
			.andExpect(redirectedUrl("/admin/quarters"))
			.andExpect(flash().attribute("notice", "admin.quarters.reopened"));

		assertThat(state(label)).isEqualTo("OPEN");
		assertThat(events(label)).containsExactly("OPEN by " + admin.username(), "CLOSE by " + admin.username(),
				"REOPEN by " + admin.username() + ": Two teams were on leave until today.");
		String page = quartersPage();
		assertThat(page).containsPattern("Reopened on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d by Test " + admin.username()
				+ ": Two teams were on leave until today.");
		mvc.perform(get("/api/v1/quarters").with(asAdmin()))
			.andExpect(jsonPath("$[?(@.label == '" + label + "')].reopenings[0].reason")
				.value(contains("Two teams were on leave until today.")))
			.andExpect(jsonPath("$[?(@.label == '" + label + "')].reopenings[0].by")
				.value(contains("Test " + admin.username())))
			.andExpect(jsonPath("$[?(@.label == '" + label + "')].state").value(contains("OPEN")));

		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.param("quarter", label)
			.param("reason", "Sent twice"))
			.andExpect(content().string(containsString("The quarter " + label + " is open already.")));
		assertThat(events(label)).as("the second reopening changed nothing").hasSize(3);
	}

	@Test
	void reopeningWithoutAReasonOrWhileAnotherQuarterIsOpenIsRefusedAndKeepsWhatWasTyped() throws Exception {
		String closed = openNewQuarter();
		mvc.perform(post("/admin/quarters/" + closed + "/close").with(asAdmin()).with(csrf()));
		long eventsBefore = events(closed).size();

		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.param("quarter", closed)
			.param("reason", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say why the quarter is reopened.")));
		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.header("Accept-Language", "zh-CN")
			.param("quarter", closed)
			.param("reason", "x".repeat(2001)))
			.andExpect(content().string(containsString("原因最多 2000 个字符。")))
			.andExpect(content().string(containsString("x".repeat(2001))));

		String other = openNewQuarter();
		String page = mvc
			.perform(post("/admin/quarters/reopen").with(asAdmin())
				.with(csrf())
				.param("quarter", closed)
				.param("reason", "Forgot the ML team"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The quarter " + other + " is still open; close it first.");
		assertThat(quartersPage())
			.contains("The quarter " + other + " is open; a closed quarter can be reopened only while no other")
			.doesNotContain("action=\"/admin/quarters/reopen\"");

		assertThat(state(closed)).isEqualTo("CLOSED");
		assertThat(state(other)).isEqualTo("OPEN");
		assertThat(events(closed)).hasSize((int) eventsBefore);
	}

	@Test
	void aPlannedQuarterIsOpenedNotReopened() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"));

		mvc.perform(post("/admin/quarters/reopen").with(asAdmin())
			.with(csrf())
			.param("quarter", label)
			.param("reason", "why not"))
			.andExpect(content().string(
					containsString("Only a closed quarter can be reopened; " + label + " has not been opened yet.")));
		assertThat(state(label)).isEqualTo("PLANNED");
	}

	private String openNewQuarter() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin())
			.with(csrf())
			.param("label", label)
			.param("opensOn", "2031-10-01")
			.param("dueOn", "2031-11-15"));
		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()));
		assertThat(state(label)).isEqualTo("OPEN");
		return label;
	}

	private String quartersPage() throws Exception {
		return mvc.perform(get("/admin/quarters").with(asAdmin())).andReturn().getResponse().getContentAsString();
	}

	private long quarterId(String label) {
		return jdbc.sql("select id from quarter where label = ?").param(label).query(Long.class).single();
	}

	/** The quarter's transitions, oldest first: kind, who and the reason. */
	private List<String> events(String label) {
		return jdbc.sql("""
				select e.kind || ' by ' || p.username || coalesce(': ' || e.reason, '') from quarter_event e
				join quarter q on q.id = e.quarter_id join person p on p.id = e.changed_by
				where q.label = ? order by e.id""").param(label).query(String.class).list();
	}

	/** The confirmation page's table row of the team. */
	private static String row(String page, TestData.Team team) {
		int start = page.indexOf(team.slug());
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private String freeLabel() {
		return data.plannedQuarterLabel();
	}

	private String state(String label) {
		return jdbc.sql("select state from quarter where label = ?").param(label).query(String.class).single();
	}

	private RequestPostProcessor asAdmin() {
		return user(data.principal(admin));
	}

}
