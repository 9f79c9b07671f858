package dev.platformmaturity.assessment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

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
import dev.platformmaturity.support.TestData;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators plan quarters and move them planned → open → closed, one open at a time. Each test closes the open
 * quarter that other tests answer in, so it runs in a transaction that is rolled back afterwards: no other test, in
 * any order or at the same time, ever sees that quarter closed.
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
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", label).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"))
			.andExpect(redirectedUrl("/admin/quarters"));
		assertThat(state(label)).isEqualTo("PLANNED");

		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("notice", "admin.quarters.opened"));
		assertThat(state(label)).isEqualTo("OPEN");
		mvc.perform(get("/admin/quarters").with(asAdmin())).andExpect(content().string(containsString(label)));

		mvc.perform(post("/admin/quarters/" + label + "/close").with(asAdmin()).with(csrf()));
		assertThat(state(label)).isEqualTo("CLOSED");
		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()))
			.andExpect(flash().attribute("problem", "Only a planned quarter can be opened; " + label + " is not planned."));
		assertThat(state(label)).isEqualTo("CLOSED");
	}

	@Test
	void onlyOneQuarterIsOpenAtATime() throws Exception {
		String first = freeLabel();
		String second = freeLabel();
		for (String label : new String[] { first, second }) {
			mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", label).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"));
		}
		mvc.perform(post("/admin/quarters/" + first + "/open").with(asAdmin()).with(csrf()));
		mvc.perform(post("/admin/quarters/" + second + "/open").with(asAdmin()).with(csrf()).header("Accept-Language", "zh-CN"))
			.andExpect(flash().attribute("problem", "季度 " + first + " 仍在开放中；请先将其关闭。"));
		assertThat(state(second)).isEqualTo("PLANNED");
	}

	@Test
	void aBadLabelADuplicateAndAWrongDateOrderAreRefused() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", label).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"));
		long before = jdbc.sql("select count(*) from quarter").query(Long.class).single();

		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", "Q4 2031").param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"))
			.andExpect(content().string(containsString("Write the quarter like 2026-Q4.")));
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", label).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"))
			.andExpect(content().string(containsString("The quarter " + label + " exists already.")));
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
				.param("label", freeLabel()).param("opensOn", "2031-10-01").param("dueOn", "2031-09-15"))
			.andExpect(content().string(containsString("The due date cannot be before the opening date.")));
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf()).header("Accept-Language", "zh-CN")
				.param("label", freeLabel()).param("opensOn", "not a date").param("dueOn", "2031-09-15"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入日期，例如 2026-10-01。")));

		assertThat(jdbc.sql("select count(*) from quarter").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void otherTestsMeanwhileStillAnswerInTheirOpenQuarter() throws Exception {
		String label = freeLabel();
		mvc.perform(post("/admin/quarters").with(asAdmin()).with(csrf())
			.param("label", label).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"));
		mvc.perform(post("/admin/quarters/" + label + "/open").with(asAdmin()).with(csrf()));
		assertThat(state(label)).isEqualTo("OPEN");

		JdbcConnectionDetails database = TestDatabase.shared();
		try (Connection another = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword()); Statement statement = another.createStatement();
				ResultSet open = statement.executeQuery("select label from quarter where state = 'OPEN'")) {
			assertThat(open.next()).isTrue();
			assertThat(open.getString(1)).isEqualTo(openForOthers.label());
			assertThat(open.next()).isFalse();
		}
	}

	@Test
	void membersAndLeadsCannotManageQuarters() throws Exception {
		mvc.perform(get("/admin/quarters").with(user(data.principal(data.person(Role.LEAD))))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/quarters").with(user(data.principal(data.person(Role.MEMBER)))).with(csrf())
				.param("label", freeLabel()).param("opensOn", "2031-10-01").param("dueOn", "2031-11-15"))
			.andExpect(status().isForbidden());
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
