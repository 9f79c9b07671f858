package dev.platformmaturity.assessment;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.model.ModelImported;
import dev.platformmaturity.support.IntegrationTest;
import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answering page reads what it needs in at most three statements, renders what does
 * not depend on the team once per model version, language and aspect, and gives its main
 * element alone to the script that moves between aspects.
 */
@IntegrationTest
class AnswerPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Assessments assessments;

	@Autowired
	AnswerPageParts parts;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	ApplicationEventPublisher events;

	TestData.Team team;

	TestData.Person member;

	TestData.Quarter open;

	@BeforeEach
	void startedAssessment() {
		team = data.team("Page");
		member = data.member(team);
		open = data.openQuarter();
		SystemTask.run(() -> assessments.start(team.slug(), open.label(), member.id()));
	}

	@Test
	void thePageReadsWhatItNeedsInAtMostThreeStatements() throws Exception {
		SystemTask.run(() -> assessments.saveAnswer(team.slug(), open.label(), "adoption_2",
				new AnswerChange("adoption_2:3", false, "Read back", 0), member.id()));
		page("adoption");
		RequestPostProcessor signedIn = asMember();

		StringBuilder html = new StringBuilder();
		List<String> sent = StatementCounter.sent(() -> {
			try {
				html.append(mvc.perform(get(path("adoption")).with(signedIn))
					.andReturn()
					.getResponse()
					.getContentAsString());
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		});

		// The session, kept in the database, is read around every signed-in request
		// alike.
		List<String> statements = sent.stream()
			.filter(sql -> !sql.toLowerCase(Locale.ROOT).contains("spring_session"))
			.toList();
		assertThat(statements).as("the assessment with who may change it, its answers and targets, the team's plan")
			.hasSizeLessThanOrEqualTo(3);
		assertThat(HtmlUtils.htmlUnescape(html.toString())).contains("Read back", "1 of 20 reviewed")
			.containsPattern("value=\"adoption_2:3\"[^>]*checked");
	}

	@Test
	void theScriptGetsTheMainElementAloneToMoveBetweenAspects() throws Exception {
		MvcResult fragment = mvc.perform(get(path("adoption")).header("X-Fragment", "page").with(asMember()))
			.andExpect(status().isOk())
			.andReturn();
		String html = fragment.getResponse().getContentAsString();

		assertThat(html.strip()).startsWith("<main id=\"main\"").endsWith("</main>");
		assertThat(html).contains("id=\"aspect-panel\"", "data-aspect=\"adoption\"", "data-aspect-link=\"interfaces\"")
			.doesNotContain("<header", "<html");
		assertThat(fragment.getResponse().getHeaders(HttpHeaders.VARY)).contains("X-Fragment");
		assertThat(fragment.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
	}

	@Test
	void theModelsTextsAreRenderedOncePerLanguageAndAModelImportDropsThem() throws Exception {
		events.publishEvent(new ModelImported("test"));
		assertThat(parts.size()).isZero();

		String english = page("interfaces", "en");
		String chinese = page("interfaces", "zh-CN");
		assertThat(parts.size()).as("interfaces in English and in Chinese").isEqualTo(2);
		AnswerPageParts.AspectParts kept = parts.of(catalog.currentVersion(), "en", "interfaces");
		assertThat(page("interfaces", "en")).isEqualTo(english);
		assertThat(parts.of(catalog.currentVersion(), "en", "interfaces")).as("rendered once, then reused")
			.isSameAs(kept);
		assertThat(english).contains("How do users interact with and consume platform capabilities?");
		assertThat(chinese).contains("用户如何与平台进行交互并使用平台能力？");

		events.publishEvent(new ModelImported("another version"));

		assertThat(parts.size()).isZero();
		assertThat(page("interfaces", "en")).isEqualTo(english);
		assertThat(parts.of(catalog.currentVersion(), "en", "interfaces")).isNotSameAs(kept);
	}

	private MvcResult page(String aspect) throws Exception {
		return mvc.perform(get(path(aspect)).with(asMember())).andExpect(status().isOk()).andReturn();
	}

	/**
	 * The page's HTML in a language, without the parts that change with every request
	 * (the CSRF token).
	 */
	private String page(String aspect, String language) throws Exception {
		String html = mvc.perform(get(path(aspect)).with(asMember()).header(HttpHeaders.ACCEPT_LANGUAGE, language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return HtmlUtils.htmlUnescape(html).replaceAll("(name=\"_csrf\" value=\"|content=\")[^\"]*", "$1");
	}

	private String path(String aspect) {
		return "/teams/" + team.slug() + "/assessments/" + open.label() + "/answer?aspect=" + aspect;
	}

	private RequestPostProcessor asMember() {
		return user(data.principal(member));
	}

}
