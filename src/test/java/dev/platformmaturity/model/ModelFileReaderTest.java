package dev.platformmaturity.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.platformmaturity.model.InvalidModelFileException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelFileReaderTest {

	private final String valid = ModelFiles.text(ModelFiles.VALID);

	@Test
	void readsAValidFileWithEveryText() {
		MaturityModel model = ModelFiles.read(valid).model();

		assertThat(model.id()).isEqualTo("test-model-v1");
		assertThat(model.published()).hasToString("2024-01-15");
		assertThat(model.requiredLanguages()).containsExactly("en", "zh-CN");
		assertThat(model.optionalLanguages()).containsExactly("de");
		assertThat(model.stages()).extracting(MaturityModel.Stage::level).containsExactly(1, 2, 3, 4);
		MaturityModel.Aspect flow = model.aspect("flow").orElseThrow();
		assertThat(flow.levels()).hasSize(4);
		assertThat(flow.level(2).characteristics().get(1).details()).singleElement()
			.satisfies(detail -> assertThat(detail.in("zh-CN")).isEqualTo("细节 2.2.a"));
		assertThat(flow.questions().get(0).options()).extracting(MaturityModel.Option::value)
			.containsExactly(1, 2, 3, 4);
		assertThat(flow.name().in("de")).isEqualTo("Fluss");
		assertThat(flow.question().in("de")).as("falls back to English").isEqualTo("How does work flow?");
	}

	@Test
	void fingerprintIgnoresCommentsAndLayoutButNotText() {
		String fingerprint = ModelFiles.read(valid).fingerprint();

		assertThat(ModelFiles
			.read("# another comment\n" + valid.replace("name: {en: \"Test model\", zh-CN: \"测试模型\"}",
					"name:\n  en: \"Test model\"\n  zh-CN: \"测试模型\""))
			.fingerprint()).isEqualTo(fingerprint);
		assertThat(ModelFiles.read(valid.replace("Characteristic 3.1", "Characteristic 3.1 changed")).fingerprint())
			.isNotEqualTo(fingerprint);
	}

	@Test
	void refusesAMissingLevel() {
		String withoutLevel3 = valid.replaceAll("(?s)      - level: 3\\n.*?(?=      - level: 4)", "");

		assertThat(problems(withoutLevel3))
			.contains(new Problem("aspects[flow].levels", "missing level 3 (every one of 1..4 is needed)"));
	}

	@Test
	void refusesAnOptionValueOutside1To4() {
		assertThat(problems(valid.replace("- value: 4", "- value: 5"))).contains(
				new Problem("aspects[flow].questions[flow_1].options[3].value", "value 5 is outside 1..4"), new Problem(
						"aspects[flow].questions[flow_1].options", "missing value 4 (every one of 1..4 is needed)"));
	}

	@Test
	void refusesATextMissingInARequiredLanguage() {
		assertThat(problems(valid.replace("text: {en: \"Characteristic 2.1\", zh-CN: \"特征 2.1\"}",
				"text: {en: \"Characteristic 2.1\"}")))
			.containsExactly(new Problem("aspects[flow].levels[2].characteristics[c1].text",
					"has no zh-CN text (required language)"));
	}

	@Test
	void refusesATextInALanguageTheFileDoesNotDeclare() {
		assertThat(problems(valid.replace("label: {en: \"Speed 2\"", "label: {fr: \"Vitesse 2\", en: \"Speed 2\"")))
			.containsExactly(new Problem("aspects[flow].questions[flow_1].options[2].label.fr",
					"language 'fr' is not declared in languages (declared: en, zh-CN, de)"));
	}

	@Test
	void refusesDuplicateIds() {
		String duplicated = valid.replace("- id: c2\n            text: {en: \"Characteristic 4.2\"",
				"- id: c1\n            text: {en: \"Characteristic 4.2\"");

		assertThat(problems(duplicated))
			.containsExactly(new Problem("aspects[flow].levels[4].characteristics[c1].id", "duplicate id 'c1'"));
	}

	@Test
	void refusesDuplicateAspectKeysAndQuestionIds() {
		String aspect = valid.substring(valid.indexOf("  - key: flow"));
		List<Problem> problems = problems(valid + aspect);

		assertThat(problems).contains(new Problem("aspects[flow].key", "duplicate aspect key 'flow'"),
				new Problem("aspects[flow].questions[flow_1].id", "duplicate question id 'flow_1'"));
	}

	@Test
	void listsEveryProblemAtOnceWithItsPath() {
		String broken = valid.replace("- value: 2", "- value: 0")
			.replace("title: {en: \"Flow title 1\", zh-CN: \"流程标题 1\"}", "titel: {en: \"Flow title 1\"}")
			.replace("id: test-model-v1", "id: test-model-v2");

		InvalidModelFileException refused = catchThrowableOfType(InvalidModelFileException.class,
				() -> ModelFiles.read(broken));

		assertThat(refused.problems()).containsExactlyInAnyOrder(
				new Problem("id", "must be the key and version joined as 'test-model-v1', found 'test-model-v2'"),
				new Problem("aspects[flow].levels[1].titel",
						"unknown field (expected one of: level, title, description, characteristics, scenarios)"),
				new Problem("aspects[flow].levels[1].title", "is missing"),
				new Problem("aspects[flow].questions[flow_1].options[1].value", "value 0 is outside 1..4"), new Problem(
						"aspects[flow].questions[flow_1].options", "missing value 2 (every one of 1..4 is needed)"));
		assertThat(refused.getMessage()).contains("test.yaml", "nothing was imported", "5 problem(s)",
				"aspects[flow].levels[1].title: is missing");
	}

	@Test
	void refusesFilesThatAreNotYamlOrHaveDuplicateKeys() {
		assertThat(problems("id: [unclosed")).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("not readable as YAML"));
		assertThat(problems(valid.replace("key: test-model", "key: test-model\nkey: other"))).singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("duplicate key key"));
		assertThat(problems("- just\n- a list")).containsExactly(new Problem("", "must be a mapping of fields"));
	}

	@Test
	void refusesLanguagesWithoutEnglishOrDeclaredTwice() {
		assertThat(problems(valid.replace("required: [en, zh-CN]", "required: [zh-CN]")))
			.contains(new Problem("languages.required", "must include 'en', the fallback language"));
		assertThat(problems(valid.replace("optional: [de]", "optional: [de, zh-CN]")))
			.containsExactly(new Problem("languages.optional", "'zh-CN' is already a required language"));
	}

	@Test
	void refusesAStageListWithAGap() {
		assertThat(problems(valid.replace("  - level: 2\n    name: {en: \"Operational\", zh-CN: \"可操作\"}\n", "")))
			.containsExactly(new Problem("stages", "missing level 2 (every one of 1..4 is needed)"));
	}

	private static List<Problem> problems(String content) {
		InvalidModelFileException refused = catchThrowableOfType(InvalidModelFileException.class,
				() -> ModelFiles.read(content));
		assertThat(refused).as("the file should be refused").isNotNull();
		return refused.problems();
	}

	@Test
	void refusesAVersionThatIsNotAWholeNumber() {
		assertThat(problems(valid.replace("version: 1", "version: one")))
			.containsExactly(new Problem("version", "must be a whole number, found 'one'"));
	}

}
