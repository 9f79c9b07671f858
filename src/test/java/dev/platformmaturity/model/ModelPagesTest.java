package dev.platformmaturity.model;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ModelPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ModelCatalog catalog;

	@Test
	void theModelPageShowsEveryAspectLevelCharacteristicAndScenarioInEnglish() throws Exception {
		String page = mvc.perform(get("/model?lang=en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertEveryText(page, "en");
	}

	@Test
	void theModelPageShowsEveryTextInChinese() throws Exception {
		String page = mvc.perform(get("/model?lang=zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"zh-CN\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertEveryText(page, "zh-CN");
	}

	private void assertEveryText(String page, String language) {
		String html = HtmlUtils.htmlUnescape(page);
		MaturityModel model = catalog.current();
		for (MaturityModel.Aspect aspect : model.aspects()) {
			assertThat(html).contains(aspect.name().in(language), aspect.question().in(language));
			for (MaturityModel.Level level : aspect.levels()) {
				assertThat(html).contains(level.title().in(language));
				level.characteristics().forEach(c -> assertThat(html).contains(c.text().in(language)));
				level.scenarios().forEach(s -> assertThat(html).contains(s.text().in(language)));
			}
			aspect.questions().forEach(q -> assertThat(html).contains(q.text().in(language)));
		}
	}

	@Test
	void theApiReturnsTheCurrentModelInTheRequestedLanguage() throws Exception {
		mvc.perform(get("/api/v1/model?lang=zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("cncf-pemm-v1"))
			.andExpect(jsonPath("$.language").value("zh-CN"))
			.andExpect(jsonPath("$.aspects", hasSize(5)))
			.andExpect(jsonPath("$.aspects[0].key").value("investment"))
			.andExpect(jsonPath("$.aspects[0].name").value("投入"))
			.andExpect(jsonPath("$.aspects[0].levels", hasSize(4)))
			.andExpect(jsonPath("$.aspects[0].levels[2].number").value(3))
			.andExpect(jsonPath("$.aspects[0].levels[2].stage").value("可扩展"))
			.andExpect(jsonPath("$.aspects[0].levels[2].title").value("作为产品"))
			.andExpect(jsonPath("$.aspects[0].levels[0].characteristics", hasSize(4)))
			.andExpect(jsonPath("$.aspects[0].levels[0].scenarios", hasSize(2)))
			.andExpect(jsonPath("$.aspects[1].levels[1].characteristics[0].details", hasSize(2)))
			.andExpect(jsonPath("$.aspects[0].questions", hasSize(4)))
			.andExpect(jsonPath("$.aspects[0].questions[0].key").value("investment_1"))
			.andExpect(jsonPath("$.aspects[0].questions[0].options[3].value").value(4))
			.andExpect(jsonPath("$.aspects[0].questions[0].options[3].label").value("完整的专家团队"));
	}

	@Test
	void theApiGivesGermanQuestionsWhereTheyExistAndEnglishElsewhere() throws Exception {
		mvc.perform(get("/api/v1/model?lang=de"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.aspects[0].questions[0].text").value("Wer baut Ihre Plattform?"))
			.andExpect(jsonPath("$.aspects[1].questions[0].text")
				.value("How do platform users discover its capabilities?"))
			.andExpect(jsonPath("$.aspects[0].levels[0].title").value("Voluntary or temporary"));
	}

	@Test
	void theApiFollowsTheInterfaceLanguageWithoutLangAndRefusesAnUnknownOne() throws Exception {
		mvc.perform(get("/api/v1/model").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(jsonPath("$.language").value("zh-CN"));
		mvc.perform(get("/api/v1/model?lang=fr"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("Language 'fr' is not supported. Supported languages: en, zh-CN, de, es."))
			.andExpect(jsonPath("$.supportedLanguages", hasItem("zh-CN")));
		mvc.perform(get("/api/v1/model?lang=xx").header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("不支持语言“xx”"), not(containsString("Language")))));
	}

}
