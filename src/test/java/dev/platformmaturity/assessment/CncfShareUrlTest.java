package dev.platformmaturity.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.platformmaturity.model.MaturityModel;
import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CNCF assessment tool's share URL read and written with the shipped model, on the
 * example answers the tool publishes in its README ("this pre-filled form").
 */
@IntegrationTest
class CncfShareUrlTest {

	/** The pre-filled form of the prototype's README, as published. */
	static final String PUBLISHED_EXAMPLE = "https://cloud-native-platform-engineering.github.io/pemm-assessment/"
			+ "?investment_1=1&investment_2=1&investment_3=2&investment_4=1&adoption_1=1&adoption_2=2&adoption_3=2"
			+ "&adoption_4=2&interfaces_1=2&interfaces_2=3&interfaces_3=3&interfaces_4=4&operations_1=3"
			+ "&operations_2=3&operations_3=2&operations_4=1&measurement_1=3&measurement_2=4&measurement_3=4"
			+ "&measurement_4=4";

	static final Map<String, Integer> EXAMPLE_LEVELS = example();

	@Autowired
	ModelCatalog catalog;

	@Test
	void readsThePublishedExampleAsTheTwentyAnswersItCarries() {
		CncfShareUrl.Shared shared = CncfShareUrl.parse(PUBLISHED_EXAMPLE, model());

		assertThat(shared.levels()).containsExactlyEntriesOf(EXAMPLE_LEVELS);
		assertThat(shared.ignored()).isEmpty();
	}

	@Test
	void writesTheAnswersAsThePublishedExampleAndInChineseWithTheToolsLanguageParameter() {
		assertThat(CncfShareUrl.link(model(), EXAMPLE_LEVELS, "en")).isEqualTo(PUBLISHED_EXAMPLE);
		assertThat(CncfShareUrl.link(model(), EXAMPLE_LEVELS, "zh-CN"))
			.isEqualTo(PUBLISHED_EXAMPLE.replace("?", "?lang=zh&"));
		assertThat(CncfShareUrl.parse(CncfShareUrl.link(model(), EXAMPLE_LEVELS, "zh-CN"), model()).levels())
			.containsExactlyEntriesOf(EXAMPLE_LEVELS);
	}

	@Test
	void leavesOutQuestionsWithoutALevel() {
		Map<String, Integer> some = new LinkedHashMap<>();
		some.put("measurement_1", 3);
		some.put("investment_2", 1);
		assertThat(CncfShareUrl.link(model(), some, "en"))
			.isEqualTo(CncfShareUrl.ADDRESS + "?investment_2=1&measurement_1=3");
		assertThat(CncfShareUrl.link(model(), Map.of(), "en")).isEqualTo(CncfShareUrl.ADDRESS);
	}

	@Test
	void takesTheQueryStringAloneTheAddressWithoutSchemeAndTheToolsLanguage() {
		String query = PUBLISHED_EXAMPLE.substring(PUBLISHED_EXAMPLE.indexOf('?') + 1);
		for (String pasted : List.of(query, "?" + query, "  " + PUBLISHED_EXAMPLE + "#results \n",
				"cloud-native-platform-engineering.github.io/pemm-assessment/?lang=zh&" + query,
				"HTTP://Cloud-Native-Platform-Engineering.GitHub.io/pemm-assessment/?" + query)) {
			assertThat(CncfShareUrl.parse(pasted, model()).levels()).as(pasted)
				.containsExactlyEntriesOf(EXAMPLE_LEVELS);
		}
	}

	@Test
	void reportsAndLeavesOutUnknownKeysAndValuesThatAreNoLevel() {
		CncfShareUrl.Shared shared = CncfShareUrl
			.parse("?investment_1=2&flow_1=3&adoption_1=5&adoption_2=0&adoption_3=abc&adoption_4=&interfaces_1=2.0"
					+ "&operations_1=4", model());

		assertThat(shared.levels()).containsExactly(Map.entry("investment_1", 2), Map.entry("operations_1", 4));
		assertThat(shared.ignored()).extracting(CncfShareUrl.Ignored::key)
			.containsExactly("flow_1", "adoption_1", "adoption_2", "adoption_3", "adoption_4", "interfaces_1");
		assertThat(shared.ignored().get(0).messageKey()).isEqualTo("cncf.import.unknownKey");
		assertThat(shared.ignored().get(1).messageKey()).isEqualTo("cncf.import.notALevel");
	}

	@Test
	void refusesDuplicatedKeysAnotherHostAndWhatIsNoShareUrl() {
		assertRefused(PUBLISHED_EXAMPLE + "&investment_1=4", "cncf.import.duplicateKey");
		assertRefused("?lang=zh&lang=en&investment_1=1", "cncf.import.duplicateKey");
		assertRefused("https://example.org/pemm-assessment/?investment_1=1", "cncf.import.otherHost");
		assertRefused("https://cloud-native-platform-engineering.github.io.example.org/?investment_1=1",
				"cncf.import.otherHost");
		assertRefused("example.org/?investment_1=1", "cncf.import.otherHost");
		assertRefused("javascript:alert(1)//?investment_1=1", "cncf.import.notAShareUrl");
		assertRefused("ftp://cloud-native-platform-engineering.github.io/?investment_1=1", "cncf.import.notAShareUrl");
		assertRefused("hello", "cncf.import.notAShareUrl");
		assertRefused("investment_1=%ZZ", "cncf.import.notAShareUrl");
		assertRefused("   ", "cncf.import.empty");
		assertRefused(CncfShareUrl.ADDRESS, "cncf.import.noAnswers");
	}

	private void assertRefused(String pasted, String messageKey) {
		assertThatThrownBy(() -> CncfShareUrl.parse(pasted, model())).as(pasted)
			.isInstanceOfSatisfying(AssessmentProblem.class,
					problem -> assertThat(problem.messageKey()).isEqualTo(messageKey));
	}

	private MaturityModel model() {
		return catalog.current();
	}

	private static Map<String, Integer> example() {
		Map<String, Integer> levels = new LinkedHashMap<>();
		String query = PUBLISHED_EXAMPLE.substring(PUBLISHED_EXAMPLE.indexOf('?') + 1);
		int[] values = { 1, 1, 2, 1, 1, 2, 2, 2, 2, 3, 3, 4, 3, 3, 2, 1, 3, 4, 4, 4 };
		String[] aspects = { "investment", "adoption", "interfaces", "operations", "measurement" };
		for (int i = 0; i < 20; i++) {
			levels.put(aspects[i / 4] + "_" + (i % 4 + 1), values[i]);
		}
		assertThat(query).doesNotContain("lang");
		return levels;
	}

}
