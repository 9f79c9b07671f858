package dev.platformmaturity.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every interface text exists in English and in Chinese, and every key a template names
 * exists.
 */
class MessagesTest {

	@Test
	void everyMessageKeyExistsInBothLanguages() throws IOException {
		Set<String> english = keys("/messages.properties");
		Set<String> chinese = keys("/messages_zh_CN.properties");

		assertThat(difference(english, chinese)).as("keys only in messages.properties (English)").isEmpty();
		assertThat(difference(chinese, english)).as("keys only in messages_zh_CN.properties (Chinese)").isEmpty();
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String file : new String[] { "/messages.properties", "/messages_zh_CN.properties" }) {
			Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		}
	}

	/**
	 * MessageFormat drops a single apostrophe in a message with arguments: "model's {0}"
	 * would show "models {0}".
	 */
	@Test
	void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
		for (String file : new String[] { "/messages.properties", "/messages_zh_CN.properties" }) {
			Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).as(file)
				.filteredOn(key -> messages.getProperty(key).matches("(?s).*\\{\\d.*"))
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).doesNotContainPattern("(?<!')'(?!')"));
		}
	}

	@Test
	void everyMessageKeyATemplateUsesExists() throws IOException {
		Set<String> known = keys("/messages.properties");
		Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = literalKey.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(matcher.group(1) + " (" + template.getFileName() + ")");
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but not defined").isEmpty();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> keys(String file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
