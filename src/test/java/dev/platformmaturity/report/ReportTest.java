package dev.platformmaturity.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.platformmaturity.account.Role;
import dev.platformmaturity.assessment.AssessmentLoader.Loaded;
import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.TestAssessments;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PDF reports, parsed back with PDFBox: text in English and Chinese, embedded fonts,
 * pages, refusals.
 */
@IntegrationTest
class ReportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestAssessments given;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RenderLimit limit;

	TestData.Team team;

	TestData.Person member;

	TestData.Person lead;

	TestData.Quarter quarter;

	@BeforeEach
	void aSubmittedAssessment() {
		long group = data.group("Reported");
		team = data.team("支付平台 Payments", group);
		member = data.member(team);
		lead = data.person(Role.LEAD);
		quarter = data.closedQuarter();
		load(team, quarter, Map.of("investment_1", 2, "investment_2", 3, "adoption_1", 4, "interfaces_1", 1,
				"operations_1", 3, "measurement_1", 2),
				Map.of("investment_1", "预算由平台团队管理 — budget owned by the platform team"));
	}

	@Test
	void theTeamReportInEnglishHasTheTeamEveryScoreAndLevelTitleAndEmbeddedFonts() throws Exception {
		MvcResult result = mvc.perform(get(teamReport("en")).with(asMember()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					containsString("platform-maturity_" + team.slug() + "_" + quarter.label() + ".pdf")))
			.andReturn();
		Pdf pdf = Pdf.parse(result.getResponse().getContentAsByteArray());

		assertThat(pdf.text()).contains("Team report: 支付平台 Payments", quarter.label(), "cncf-pemm-v1", "Investment",
				"2.50", "Operational · Dedicated team", "Adoption", "4.00", "Optimizing · Participatory", "Interfaces",
				"1.00", "Provisional · Custom processes", "Opportunities: level 3, As product",
				"预算由平台团队管理 — budget owned by the platform team", "Page 1 of " + pdf.pages());
		assertThat(pdf.allFontsEmbedded()).isTrue();
		assertThat(pdf.fonts()).anyMatch(font -> font.contains("DejaVuSans"));
		assertThat(pdf.pages()).isBetween(3, 12);
		assertThat(pdf.title()).isEqualTo("Team report 支付平台 Payments " + quarter.label());
		assertThat(pdf.pageWidth()).as("A4 width in points").isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
	}

	@Test
	void theTeamReportInChineseHasRealChineseText() throws Exception {
		Pdf pdf = Pdf.parse(mvc.perform(get(teamReport("zh-CN")).with(asMember()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		assertThat(pdf.text()).contains("团队报告：支付平台 Payments", "投入", "2.50", "可操作 · 专职团队", "采用", "可优化 · 参与性", "接口",
				"暂时性的 · 自定义程序", "改进机会：第 3 级，作为产品", "第 1 页，共 " + pdf.pages() + " 页");
		assertThat(pdf.text()).doesNotContain("\uFFFD");
		assertThat(pdf.fonts()).anyMatch(font -> font.contains("DroidSansFallback"));
		assertThat(pdf.allFontsEmbedded()).isTrue();
		assertThat(pdf.language()).isEqualTo("zh-CN");
	}

	@Test
	void withoutLangTheReportFollowsThePersonsLanguage() throws Exception {
		data.prefer(member, "zh-CN");
		Pdf fromApi = Pdf.parse(mvc
			.perform(get("/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label() + "/report.pdf")
				.with(httpBasic(member.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		Pdf fromPage = Pdf.parse(mvc
			.perform(get("/teams/" + team.slug() + "/assessments/" + quarter.label() + "/report.pdf").with(asMember())
				.cookie(new jakarta.servlet.http.Cookie("lang", "en")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		assertThat(fromApi.text()).contains("团队报告");
		assertThat(fromPage.text()).contains("Team report");
	}

	@Test
	void aTeamThatHasNotStartedGetsANothingToReportPdf() throws Exception {
		TestData.Team idle = data.team("Idle");
		Pdf pdf = Pdf
			.parse(mvc
				.perform(get("/api/v1/teams/" + idle.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang=en")
					.with(asLead()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(pdf.text().replaceAll("\\s+", " ")).contains(
				"Idle has not started its assessment of " + quarter.label() + ": there is nothing to report yet.");
		assertThat(pdf.pages()).isEqualTo(1);
	}

	@Test
	void theOrganisationReportOf200TeamsCompletesAndContainsEveryTeam() throws Exception {
		long group = data.group("Two hundred");
		TestData.Quarter big = data.closedQuarter();
		List<String> names = new ArrayList<>();
		List<Loaded> loaded = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String name = (i % 2 == 0 ? "团队" : "Team ") + String.format("%03d", i);
			TestData.Team each = data.team(name, group);
			names.add(name);
			if (i % 10 != 0) {
				Map<String, Integer> levels = new HashMap<>();
				for (MaturityModel.Aspect aspect : catalog.current().aspects()) {
					aspect.questions().forEach(q -> levels.put(q.id(), 1 + (q.id().hashCode() & 0x7fffffff) % 4));
				}
				loaded.add(given.submitted(each, big, lead).levels(levels).loaded());
			}
		}
		given.load(loaded);

		MvcResult result = mvc
			.perform(get("/api/v1/reports/organisation.pdf?quarter=" + big.label() + "&group=" + group + "&lang=zh-CN")
				.with(httpBasic(lead.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("platform-maturity_organisation_" + big.label())))
			.andReturn();
		Pdf pdf = Pdf.parse(result.getResponse().getContentAsByteArray());

		assertThat(pdf.text()).contains("主要发现", "共 200 个团队，180 个已提交，0 个进行中，20 个未开始。", "各级别的团队数", "中位数团队", "各团队详情");
		String text = pdf.text();
		assertThat(names).allSatisfy(name -> assertThat(text).contains(name));
		assertThat(pdf.pages()).isBetween(20, 160);
		assertThat(pdf.allFontsEmbedded()).isTrue();
	}

	@Test
	void theOrganisationReportCountsInProgressTeamsOnlyWhenAskedAndSaysWhichFiguresItShows() throws Exception {
		long group = data.group("Final or not");
		TestData.Quarter shown = data.closedQuarter();
		given.submitted(data.team("Submitted team", group), shown, lead).levels(Map.of("investment_1", 2)).load();
		given.inProgress(data.team("Unfinished team", group), shown, lead).levels(Map.of("investment_1", 4)).load();
		String path = "/api/v1/reports/organisation.pdf?quarter=" + shown.label() + "&group=" + group + "&lang=en";

		String finalOnly = Pdf
			.parse(mvc.perform(get(path).with(httpBasic(lead.username(), TestData.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray())
			.text()
			.replaceAll("\\s+", " ");
		String withProvisional = Pdf
			.parse(mvc.perform(get(path + "&provisional=true").with(httpBasic(lead.username(), TestData.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray())
			.text()
			.replaceAll("\\s+", " ");

		assertThat(finalOnly).contains("Final figures: only submitted assessments count")
			.doesNotContain("4.00")
			.doesNotContain("3.00");
		assertThat(withProvisional).contains("Provisional figures included").contains("4.00", "3.00");
	}

	@Test
	void aQuarterWithoutAssessmentsGivesANothingToReportPdf() throws Exception {
		TestData.Quarter empty = data.closedQuarter();
		Pdf pdf = Pdf
			.parse(mvc.perform(get("/reports/organisation.pdf?quarter=" + empty.label() + "&lang=en").with(asLead()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(pdf.text()).contains("No team has started an assessment of " + empty.label());
	}

	@Test
	void charactersWithoutAGlyphAndBidiControlsNeverFailAReport() throws Exception {
		long group = data.group("Ops \u202Eevil");
		String groupName = jdbc.sql("select name from team_group where id = ?")
			.param(group)
			.query(String.class)
			.single();
		TestData.Team rocket = data.team("Rocket 🚀 team", group);
		TestData.Team idle = data.team("Zero\u200Bwidth \u202Eecaps", group);
		load(rocket, quarter, Map.of("investment_1", 2, "adoption_1", 3),
				Map.of("investment_1", "Ship it 🚀\uFE0F now, \u202Edesrever\u202C and 中文"));
		String shownGroup = groupName.replace("\u202E", "");

		for (String language : List.of("en", "zh-CN")) {
			Pdf pdf = Pdf.parse(mvc
				.perform(get("/api/v1/teams/" + rocket.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang="
						+ language)
					.with(asLead()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
			assertThat(pdf.text()).as(language)
				.contains("Rocket \uFFFD team", "Ship it \uFFFD now, desrever and 中文", shownGroup)
				.doesNotContain("\u202E", "\u202C", "🚀");
			assertThat(pdf.pageHeaders()).as("the page frame")
				.allSatisfy(header -> assertThat(header).contains("Rocket \uFFFD team"));
			assertThat(pdf.title()).contains("Rocket 🚀 team");
		}

		Pdf nothing = Pdf
			.parse(mvc
				.perform(get("/api/v1/teams/" + idle.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang=en")
					.with(asLead()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(nothing.text()).contains("Zero\u200Bwidth ecaps has not started its assessment")
			.doesNotContain("\u202E");
		assertThat(nothing.pageHeaders()).singleElement().asString().contains("Zero\u200Bwidth ecaps");

		Pdf organisation = Pdf.parse(mvc
			.perform(get("/api/v1/reports/organisation.pdf?quarter=" + quarter.label() + "&group=" + group + "&lang=en")
				.with(asLead()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(organisation.text()).contains("Rocket \uFFFD team", "Zero\u200Bwidth ecaps", shownGroup)
			.doesNotContain("\u202E");
		assertThat(organisation.pageHeaders()).allSatisfy(header -> assertThat(header).contains(shownGroup));
	}

	@Test
	void whileEveryRenderIsTakenBrowsersGetAPageAndScriptsProblemDetailsBoth503WithRetryAfter() throws Exception {
		List<RenderLimit.Permit> taken = new ArrayList<>();
		for (int i = 0; i < limit.renders(); i++) {
			taken.add(limit.acquire());
		}
		try {
			CompletableFuture<MvcResult> api = CompletableFuture
				.supplyAsync(() -> perform(get(teamReport("en")).with(httpBasic(member.username(), TestData.PASSWORD))
					.header("Accept-Language", "zh-CN")));
			String pagePath = "/teams/" + team.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang=en";
			MvcResult page = perform(get(pagePath).with(asMember()).accept(MediaType.TEXT_HTML));

			assertThat(page.getResponse().getStatus()).isEqualTo(503);
			assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("10");
			assertThat(page.getResponse().getContentType()).startsWith("text/html");
			assertThat(page.getResponse().getHeader("Content-Disposition")).as("not a download").isNull();
			assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(
					"Too many reports are being prepared right now", "Please try again in 10 seconds.",
					"href=\"" + pagePath + "\"");

			MvcResult problem = api.get(1, TimeUnit.MINUTES);
			assertThat(problem.getResponse().getStatus()).isEqualTo(503);
			assertThat(problem.getResponse().getHeader("Retry-After")).isEqualTo("10");
			assertThat(problem.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(problem.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("当前正在生成的报告过多，请在 10 秒后重试。");
		}
		finally {
			taken.forEach(RenderLimit.Permit::close);
		}
		mvc.perform(get(teamReport("en")).with(asMember())).andExpect(status().isOk());
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) {
		try {
			return mvc.perform(request).andReturn();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	@Test
	void badRequestsAreRefusedWithAClearMessage() throws Exception {
		TestData.Team other = data.team("Other");
		mvc.perform(get("/api/v1/teams/no-such-team/assessments/" + quarter.label() + "/report.pdf").with(asLead()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/teams/" + team.slug() + "/assessments/1999-Q9/report.pdf").with(asLead()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no quarter 1999-Q9."));
		mvc.perform(
				get("/api/v1/reports/organisation.pdf?quarter=" + quarter.label() + "&group=987654321").with(asLead()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("There is no group 987654321."));
		mvc.perform(get(teamReport("fr")).with(asLead()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Reports are written in en, zh-CN; 'fr' is not one of them."));
		mvc.perform(get("/api/v1/teams/" + other.slug() + "/assessments/" + quarter.label() + "/report.pdf")
			.with(asMember())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reports/organisation.pdf?quarter=" + quarter.label()).with(asMember()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/organisation.pdf?quarter=" + quarter.label()).with(asMember()))
			.andExpect(status().isForbidden());
	}

	private void load(TestData.Team team, TestData.Quarter quarter, Map<String, Integer> levels,
			Map<String, String> comments) {
		given.submitted(team, quarter, member)
			.levels(levels)
			.comments(comments)
			.targets(Map.of("investment", 3))
			.load();
	}

	private String teamReport(String language) {
		return "/api/v1/teams/" + team.slug() + "/assessments/" + quarter.label() + "/report.pdf?lang=" + language;
	}

	private RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

	private RequestPostProcessor asLead() {
		return user(data.principal(lead));
	}

}
