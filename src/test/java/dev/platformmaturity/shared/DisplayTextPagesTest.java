package dev.platformmaturity.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.assessment.AssessmentLoader;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.assessment.AssessmentStatus;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages show team, group and person names and comments without their bidi controls, so
 * U+202E cannot make a name read backwards; forms still give back exactly what was typed.
 */
@IntegrationTest
class DisplayTextPagesTest {

	private static final String OVERRIDE = "\u202E";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AssessmentLoader loader;

	@Autowired
	ModelCatalog catalog;

	long group;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter quarter;

	@BeforeEach
	void namesWithOverrides() {
		group = data.group("Group " + OVERRIDE + "puorg");
		team = data.team("Evil" + OVERRIDE + "gnp.exe", group);
		member = data.member(team);
		jdbc.sql("update person set display_name = ? where id = ?")
			.params("Wang" + OVERRIDE + "gnaw", member.id())
			.update();
		quarter = data.closedQuarter();
		SystemTask.run(() -> loader.load(catalog.currentVersion(),
				List.of(new Loaded(team.id(), quarter.id(), AssessmentStatus.SUBMITTED, member.id(), Instant.now(),
						Map.of("investment_1", 2), Set.of(),
						Map.of("investment_1", "Looks fine " + OVERRIDE + "txet neddih"), Map.of(), Set.of()))));
	}

	@Test
	void teamPagesResultsAndTheDashboardShowNamesAndCommentsWithoutBidiControls() throws Exception {
		TestData.Person lead = data.person(Role.LEAD);
		String teams = page("/teams", member);
		String results = page("/teams/" + team.slug() + "/assessments/" + quarter.label(), member);
		String dashboard = page("/dashboard?quarter=" + quarter.label() + "&group=" + group, lead);

		assertThat(teams).contains("Evilgnp.exe", "Group puorg").doesNotContain(OVERRIDE);
		assertThat(results).contains("Evilgnp.exe", "Looks fine txet neddih", "Wanggnaw").doesNotContain(OVERRIDE);
		assertThat(dashboard).contains("Evilgnp.exe", "Group puorg").doesNotContain(OVERRIDE);
	}

	@Test
	void theEditFormKeepsWhatWasTyped() throws Exception {
		String edit = page("/admin/teams/" + team.slug(), data.person(Role.ADMIN));

		assertThat(edit).contains("value=\"Evil" + OVERRIDE + "gnp.exe\"");
		assertThat(edit.split(OVERRIDE, -1)).as("only in the form field").hasSize(2);
	}

	@Test
	void aNoticeNamingWhatWasSavedShowsItWithoutBidiControlsWhileTheNameIsStoredAsTyped() throws Exception {
		TestData.Person admin = data.person(Role.ADMIN);
		String renamed = "Renamed " + OVERRIDE + "eman";
		long version = jdbc.sql("select version from team where id = ?").param(team.id()).query(Long.class).single();
		MvcResult saved = mvc
			.perform(post("/admin/teams/" + team.slug()).with(user(data.principal(admin)))
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("slug", team.slug())
				.param("name", renamed)
				.param("groupId", String.valueOf(group))
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		// the notice travels in the session, as it does for a browser following the
		// redirect
		String page = new String(mvc
			.perform(get("/admin/teams/" + team.slug()).with(user(data.principal(admin)))
				.cookie(saved.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);

		assertThat(page).contains("Saved the team Renamed eman.", "Edit Renamed eman", "value=\"" + renamed + "\"");
		assertThat(page.split(OVERRIDE, -1)).as("only in the form field").hasSize(2);
		assertThat(jdbc.sql("select name from team where id = ?").param(team.id()).query(String.class).single())
			.isEqualTo(renamed);
	}

	private String page(String path, TestData.Person person) throws Exception {
		return new String(mvc.perform(get(path).with(user(data.principal(person))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
