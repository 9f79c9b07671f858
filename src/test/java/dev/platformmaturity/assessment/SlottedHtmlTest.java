package dev.platformmaturity.assessment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlottedHtmlTest {

	private static String slot(String name) {
		return SlottedHtml.START + name + SlottedHtml.END;
	}

	@Test
	void fillsEverySlotAndKeepsTheRestAsItIs() {
		SlottedHtml html = SlottedHtml
			.parse("<p data-v=\"" + slot("version:a") + "\">" + slot("text") + "</p>" + slot("text"));

		assertThat(html.slots()).containsExactly("version:a", "text", "text");
		assertThat(html.fill(Map.of("version:a", "3", "text", "&lt;b&gt;")))
			.isEqualTo("<p data-v=\"3\">&lt;b&gt;</p>&lt;b&gt;");
	}

	@Test
	void aSlotWithoutAValueIsAMistakeNotAnEmptyString() {
		SlottedHtml html = SlottedHtml.parse("<p>" + slot("comment:q1") + "</p>");

		assertThatThrownBy(() -> html.fill(Map.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("comment:q1");
	}

	@Test
	void htmlWithoutSlotsIsOnePart() {
		assertThat(SlottedHtml.parse("<p>plain</p>").fill(Map.of())).isEqualTo("<p>plain</p>");
		assertThatThrownBy(() -> SlottedHtml.parse("<p>" + SlottedHtml.START + "open</p>"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
