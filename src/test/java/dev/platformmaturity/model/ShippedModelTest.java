package dev.platformmaturity.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.platformmaturity.model.MaturityModel.Aspect;
import dev.platformmaturity.model.MaturityModel.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped model file against the model's source texts (copied under
 * src/test/resources/model-sources): nothing summarised or dropped.
 */
class ShippedModelTest {

	private static final List<String> ASPECTS = List.of("investment", "adoption", "interfaces", "operations",
			"measurement");

	private final MaturityModel model = ModelFiles.read(ModelFiles.text(ModelFiles.SHIPPED)).model();

	@Test
	void hasFiveAspectsWithFourLevelsAndFourQuestionsOfFourOptions() {
		assertThat(model.id()).isEqualTo("cncf-pemm-v1");
		assertThat(model.aspects()).extracting(Aspect::key).containsExactlyElementsOf(ASPECTS);
		for (Aspect aspect : model.aspects()) {
			assertThat(aspect.levels()).extracting(Level::number).containsExactly(1, 2, 3, 4);
			assertThat(aspect.questions()).hasSize(4)
				.allSatisfy(question -> assertThat(question.options()).extracting(MaturityModel.Option::value)
					.containsExactly(1, 2, 3, 4));
			assertThat(aspect.questions()).extracting(MaturityModel.Question::id)
				.containsExactly(aspect.key() + "_1", aspect.key() + "_2", aspect.key() + "_3", aspect.key() + "_4");
		}
	}

	@Test
	void countsOfCharacteristicsAndScenariosMatchTheEnglishSourcePerLevel() {
		List<List<int[]>> source = countsPerLevel(ModelFiles.text("/model-sources/cncf-platform-maturity-model.en.md"));

		assertCountsMatch(source);
		assertThat(model.aspects()
			.stream()
			.flatMap(aspect -> aspect.levels().stream())
			.mapToInt(level -> level.characteristics().size())
			.sum()).isEqualTo(87);
		assertThat(model.aspects()
			.stream()
			.flatMap(aspect -> aspect.levels().stream())
			.mapToInt(level -> level.scenarios().size())
			.sum()).isEqualTo(28);
	}

	@Test
	void countsOfCharacteristicsAndScenariosMatchTheOfficialChineseTranslationPerLevel() {
		assertCountsMatch(
				countsPerLevel(ModelFiles.text("/model-sources/cncf-platform-maturity-model.zh-official.md")));
	}

	@Test
	void everyEnglishTextIsWordForWordFromTheSource() {
		String source = comparable(ModelFiles.text("/model-sources/cncf-platform-maturity-model.en.md")
			.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1"));
		List<String> missing = new ArrayList<>();
		for (Aspect aspect : model.aspects()) {
			Stream
				.concat(Stream.of(aspect.question(), aspect.description()),
						aspect.levels()
							.stream()
							.flatMap(
									level -> Stream.concat(Stream.of(level.title(), level.description()),
											Stream.concat(
													level.characteristics()
														.stream()
														.flatMap(c -> Stream.concat(Stream.of(c.text()),
																c.details().stream())),
													level.scenarios().stream().map(MaturityModel.Scenario::text)))))
				.map(text -> text.in("en"))
				.flatMap(text -> Stream.of(text.split("\\n\\s*\\n")))
				.filter(text -> !source.contains(comparable(text)))
				.forEach(missing::add);
		}
		assertThat(missing).as("English texts not found in the source").isEmpty();
	}

	@Test
	void everyTextExistsInEnglishAndChinese() {
		List<LocalizedText> texts = new ArrayList<>();
		texts.add(model.name());
		model.stages().forEach(stage -> texts.add(stage.name()));
		for (Aspect aspect : model.aspects()) {
			texts.addAll(List.of(aspect.name(), aspect.question(), aspect.description()));
			for (Level level : aspect.levels()) {
				texts.addAll(List.of(level.title(), level.description()));
				level.characteristics().forEach(c -> {
					texts.add(c.text());
					texts.addAll(c.details());
				});
				level.scenarios().forEach(scenario -> texts.add(scenario.text()));
			}
			aspect.questions().forEach(question -> {
				texts.add(question.text());
				question.options().forEach(option -> texts.addAll(List.of(option.label(), option.description())));
			});
		}
		assertThat(texts).allSatisfy(text -> assertThat(text.texts()).containsKeys("en", "zh-CN"));
		assertThat(texts).noneSatisfy(text -> assertThat(text.in("en")).containsAnyOf("](", "{{<", "**"));
	}

	@Test
	void usesTheModelTablesStageNamesAndTheCorrectedChineseTitles() {
		assertThat(model.stages()).extracting(stage -> stage.name().in("en"))
			.containsExactly("Provisional", "Operational", "Scalable", "Optimizing");
		assertThat(model.aspect("operations").orElseThrow().level(1).title().in("zh-CN")).isEqualTo("按需求");
		assertThat(model.aspect("measurement").orElseThrow().level(1).title().in("zh-CN")).isEqualTo("临时的");
		assertThat(model.aspect("measurement").orElseThrow().level(3).title().in("zh-CN")).isEqualTo("见解");
		assertThat(model.aspect("interfaces").orElseThrow().level(3).title().in("zh-CN")).isEqualTo("自助服务解决方案");
		assertThat(model.aspect("interfaces").orElseThrow().level(4).title().in("en")).isEqualTo("Integrated services");
		assertThat(model.translationNotes()).isNotEmpty();
	}

	@Test
	void keepsTheSubBulletsOfAdoptionLevel2WithTheirParent() {
		var first = model.aspect("adoption").orElseThrow().level(2).characteristics().get(0);
		assertThat(first.details()).extracting(detail -> detail.in("en"))
			.containsExactly("Incentives such as personal reviews",
					"Mandates such as requiring use for production releases or receiving funding");
	}

	private void assertCountsMatch(List<List<int[]>> source) {
		assertThat(source).hasSize(ASPECTS.size());
		for (int a = 0; a < ASPECTS.size(); a++) {
			Aspect aspect = model.aspect(ASPECTS.get(a)).orElseThrow();
			assertThat(source.get(a)).as(aspect.key()).hasSize(4);
			for (int l = 0; l < 4; l++) {
				Level level = aspect.levels().get(l);
				assertThat(level.characteristics()).as("%s level %d characteristics", aspect.key(), level.number())
					.hasSize(source.get(a).get(l)[0]);
				assertThat(level.scenarios()).as("%s level %d scenarios", aspect.key(), level.number())
					.hasSize(source.get(a).get(l)[1]);
			}
		}
	}

	/**
	 * Per aspect tab and level heading of the model's Markdown: the number of top-level
	 * bullets under the first sub-heading (characteristics) and under the second (example
	 * scenarios).
	 */
	static List<List<int[]>> countsPerLevel(String markdown) {
		List<List<int[]>> aspects = new ArrayList<>();
		String[] tabs = markdown.split("\\{\\{< tab tabName=");
		for (int t = 1; t < tabs.length; t++) {
			String tab = tabs[t].split("\\{\\{< /tab >}}")[0];
			List<int[]> levels = new ArrayList<>();
			String[] levelSections = tab.split("(?m)^### ");
			for (int l = 1; l < levelSections.length; l++) {
				String[] parts = levelSections[l].split("(?m)^#### ");
				levels.add(new int[] { parts.length > 1 ? bullets(parts[1]) : 0,
						parts.length > 2 ? bullets(parts[2]) : 0 });
			}
			if (!levels.isEmpty()) {
				aspects.add(levels);
			}
		}
		return aspects;
	}

	private static int bullets(String section) {
		Matcher matcher = Pattern.compile("(?m)^[*-] ").matcher(section);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/**
	 * Letters and digits only, lower case: compares wording, not Markdown or punctuation.
	 */
	private static String comparable(String text) {
		return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}]", "");
	}

}
