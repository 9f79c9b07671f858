package dev.platformmaturity.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.platformmaturity.model.InvalidModelFileException.Problem;
import dev.platformmaturity.model.MaturityModel.Aspect;
import dev.platformmaturity.model.MaturityModel.Characteristic;
import dev.platformmaturity.model.MaturityModel.IntroSection;
import dev.platformmaturity.model.MaturityModel.Level;
import dev.platformmaturity.model.MaturityModel.Option;
import dev.platformmaturity.model.MaturityModel.Question;
import dev.platformmaturity.model.MaturityModel.Scenario;
import dev.platformmaturity.model.MaturityModel.Source;
import dev.platformmaturity.model.MaturityModel.Stage;
import dev.platformmaturity.model.MaturityModel.TranslationNote;

/**
 * Reads and validates a model file (YAML). Collects every problem with its path in the
 * file instead of stopping at the first, so an author can fix a file in one go; returns a
 * model only when there is no problem at all.
 */
public final class ModelFileReader {

	static final int LEVEL_COUNT = 4;

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+([_-][a-z0-9]+)*");

	private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?");

	private final List<Problem> problems = new ArrayList<>();

	private final Set<String> requiredLanguages = new LinkedHashSet<>();

	private final Set<String> declaredLanguages = new LinkedHashSet<>();

	private ModelFileReader() {
	}

	public static ModelFile read(String source, InputStream content) {
		return new ModelFileReader().parse(source, content);
	}

	private ModelFile parse(String source, InputStream content) {
		Object document;
		try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
			document = yaml().load(reader);
		}
		catch (YAMLException | IOException unreadable) {
			throw new InvalidModelFileException(source,
					List.of(new Problem("", "not readable as YAML: " + unreadable.getMessage())));
		}
		Map<String, Object> root = map(document, "");
		MaturityModel model = root == null ? null : model(root);
		if (!problems.isEmpty() || model == null) {
			throw new InvalidModelFileException(source, problems);
		}
		return new ModelFile(source, model, ModelFile.fingerprint(document));
	}

	/**
	 * YAML without implicit dates (a date stays text until we parse it) and without
	 * duplicate keys.
	 */
	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setCodePointLimit(10 * 1024 * 1024);
		Resolver resolverWithoutTimestamps = new Resolver() {
			@Override
			public void addImplicitResolver(org.yaml.snakeyaml.nodes.Tag tag, Pattern regexp, String first, int limit) {
				if (!org.yaml.snakeyaml.nodes.Tag.TIMESTAMP.equals(tag)) {
					super.addImplicitResolver(tag, regexp, first, limit);
				}
			}
		};
		return new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
				new org.yaml.snakeyaml.DumperOptions(), options, resolverWithoutTimestamps);
	}

	private MaturityModel model(Map<String, Object> root) {
		allowOnly(root, "", "id", "key", "version", "published", "name", "languages", "sources", "translation-notes",
				"introduction", "stages", "aspects");
		String id = key(root, "", "id");
		String key = key(root, "", "key");
		Integer version = integer(root, "", "version");
		if (id != null && key != null && version != null && !id.equals(key + "-v" + version)) {
			problem("id", "must be the key and version joined as '" + key + "-v" + version + "', found '" + id + "'");
		}
		if (version != null && version < 1) {
			problem("version", "must be 1 or more, found " + version);
		}
		LocalDate published = date(root, "", "published");
		languages(root.get("languages"));
		LocalizedText name = text(root, "", "name");
		List<Source> sources = list(root, "", "sources", true, (item, path) -> source(item, path));
		List<TranslationNote> notes = list(root, "", "translation-notes", false,
				(item, path) -> translationNote(item, path));
		List<IntroSection> introduction = list(root, "", "introduction", false,
				(item, path) -> introSection(item, path));
		List<Stage> stages = stages(root.get("stages"));
		List<Aspect> aspects = aspects(root.get("aspects"));
		if (!problems.isEmpty()) {
			return null;
		}
		List<String> optional = declaredLanguages.stream()
			.filter(language -> !requiredLanguages.contains(language))
			.toList();
		return new MaturityModel(id, key, version, published, name, List.copyOf(requiredLanguages), optional, sources,
				notes, introduction, stages, aspects);
	}

	private void languages(Object value) {
		Map<String, Object> languages = map(value, "languages");
		if (languages == null) {
			return;
		}
		allowOnly(languages, "languages", "required", "optional");
		List<String> required = languageList(languages.get("required"), "languages.required", true);
		List<String> optional = languageList(languages.get("optional"), "languages.optional", false);
		requiredLanguages.addAll(required);
		declaredLanguages.addAll(required);
		if (!required.isEmpty() && !required.contains(LocalizedText.FALLBACK_LANGUAGE)) {
			problem("languages.required",
					"must include '" + LocalizedText.FALLBACK_LANGUAGE + "', the fallback language");
		}
		for (String language : optional) {
			if (!declaredLanguages.add(language)) {
				problem("languages.optional", "'" + language + "' is already a required language");
			}
		}
	}

	private List<String> languageList(Object value, String path, boolean required) {
		if (value == null) {
			if (required) {
				problem(path, "is missing");
			}
			return List.of();
		}
		if (!(value instanceof List<?> items)) {
			problem(path, "must be a list of language tags");
			return List.of();
		}
		List<String> languages = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Object item = items.get(i);
			if (!(item instanceof String tag) || !LANGUAGE_TAG.matcher(tag).matches()) {
				problem(path + "[" + i + "]", "'" + item + "' is not a language tag such as en or zh-CN");
			}
			else if (languages.contains(tag)) {
				problem(path + "[" + i + "]", "duplicate language '" + tag + "'");
			}
			else {
				languages.add(tag);
			}
		}
		if (required && languages.isEmpty() && items.isEmpty()) {
			problem(path, "must name at least one language");
		}
		return languages;
	}

	private Source source(Map<String, Object> item, String path) {
		allowOnly(item, path, "name", "url", "licence");
		return new Source(string(item, path, "name"), string(item, path, "url"), string(item, path, "licence"));
	}

	private TranslationNote translationNote(Map<String, Object> item, String path) {
		allowOnly(item, path, "path", "lang", "note");
		String language = string(item, path, "lang");
		if (language != null && !declaredLanguages.contains(language)) {
			problem(path + ".lang", unknownLanguage(language));
		}
		return new TranslationNote(string(item, path, "path"), language, string(item, path, "note"));
	}

	private IntroSection introSection(Map<String, Object> item, String path) {
		allowOnly(item, path, "heading", "paragraphs");
		LocalizedText heading = text(item, path, "heading");
		List<LocalizedText> paragraphs = list(item, path, "paragraphs", true, this::text);
		return new IntroSection(heading, paragraphs);
	}

	private List<Stage> stages(Object value) {
		List<Map<String, Object>> items = numberedByLevel(value, "stages", "level");
		List<Stage> stages = new ArrayList<>();
		for (Map<String, Object> item : items) {
			String path = "stages[" + item.get("level") + "]";
			allowOnly(item, path, "level", "name");
			stages.add(new Stage((Integer) item.get("level"), text(item, path, "name")));
		}
		return stages;
	}

	private List<Aspect> aspects(Object value) {
		List<Map<String, Object>> items = listOfMaps(value, "aspects", true);
		List<Aspect> aspects = new ArrayList<>();
		Set<String> aspectKeys = new HashSet<>();
		Set<String> questionIds = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			String aspectKey = key(item, "aspects[" + i + "]", "key");
			String path = "aspects[" + (aspectKey != null ? aspectKey : i) + "]";
			if (aspectKey != null && !aspectKeys.add(aspectKey)) {
				problem(path + ".key", "duplicate aspect key '" + aspectKey + "'");
			}
			allowOnly(item, path, "key", "name", "question", "description", "levels", "questions");
			LocalizedText name = text(item, path, "name");
			LocalizedText question = text(item, path, "question");
			LocalizedText description = text(item, path, "description");
			List<Level> levels = new ArrayList<>();
			for (Map<String, Object> level : numberedByLevel(item.get("levels"), path + ".levels", "level")) {
				levels.add(level(level, path + ".levels[" + level.get("level") + "]"));
			}
			List<Question> questions = list(item, path, "questions", true,
					(question1, questionPath) -> question(question1, questionPath, questionIds));
			aspects.add(new Aspect(aspectKey, name, question, description, levels, questions));
		}
		return aspects;
	}

	private Level level(Map<String, Object> item, String path) {
		allowOnly(item, path, "level", "title", "description", "characteristics", "scenarios");
		LocalizedText title = text(item, path, "title");
		LocalizedText description = text(item, path, "description");
		List<Characteristic> characteristics = new ArrayList<>();
		identified(item.get("characteristics"), path + ".characteristics", true, (entry, entryPath) -> {
			allowOnly(entry, entryPath, "id", "text", "details");
			List<LocalizedText> details = list(entry, entryPath, "details", false, this::text);
			characteristics.add(new Characteristic((String) entry.get("id"), text(entry, entryPath, "text"), details));
		});
		List<Scenario> scenarios = new ArrayList<>();
		identified(item.get("scenarios"), path + ".scenarios", false, (entry, entryPath) -> {
			allowOnly(entry, entryPath, "id", "text");
			scenarios.add(new Scenario((String) entry.get("id"), text(entry, entryPath, "text")));
		});
		return new Level((Integer) item.get("level"), title, description, characteristics, scenarios);
	}

	private Question question(Map<String, Object> item, String fallbackPath, Set<String> questionIds) {
		String id = key(item, fallbackPath, "id");
		String path = id != null ? fallbackPath.replaceAll("\\[\\d+]$", "[" + id + "]") : fallbackPath;
		if (id != null && !questionIds.add(id)) {
			problem(path + ".id", "duplicate question id '" + id + "'");
		}
		allowOnly(item, path, "id", "text", "options");
		LocalizedText text = text(item, path, "text");
		List<Option> options = new ArrayList<>();
		for (Map<String, Object> option : numberedByLevel(item.get("options"), path + ".options", "value")) {
			String optionPath = path + ".options[" + option.get("value") + "]";
			allowOnly(option, optionPath, "value", "label", "description");
			options.add(new Option((Integer) option.get("value"), text(option, optionPath, "label"),
					text(option, optionPath, "description")));
		}
		return new Question(id, text, options);
	}

	/**
	 * A list whose entries are numbered 1..4 by {@code numberField} (levels, stages,
	 * option values): every number exactly once. Returns the valid entries, in number
	 * order.
	 */
	private List<Map<String, Object>> numberedByLevel(Object value, String path, String numberField) {
		List<Map<String, Object>> items = listOfMaps(value, path, true);
		Map<Integer, Map<String, Object>> byNumber = new TreeMap<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			Object number = item.get(numberField);
			String itemPath = path + "[" + i + "]." + numberField;
			if (!(number instanceof Integer n)) {
				problem(itemPath, number == null ? "is missing"
						: "must be a whole number 1.." + LEVEL_COUNT + ", found '" + number + "'");
			}
			else if (n < 1 || n > LEVEL_COUNT) {
				problem(itemPath, numberField + " " + n + " is outside 1.." + LEVEL_COUNT);
			}
			else if (byNumber.putIfAbsent(n, item) != null) {
				problem(itemPath, "duplicate " + numberField + " " + n);
			}
		}
		if (!items.isEmpty()) {
			for (int n = 1; n <= LEVEL_COUNT; n++) {
				if (!byNumber.containsKey(n)) {
					problem(path,
							"missing " + numberField + " " + n + " (every one of 1.." + LEVEL_COUNT + " is needed)");
				}
			}
		}
		return new ArrayList<>(byNumber.values());
	}

	/** A list of entries with an {@code id} unique within the list. */
	private void identified(Object value, String path, boolean required,
			BiConsumer<Map<String, Object>, String> entryReader) {
		List<Map<String, Object>> items = listOfMaps(value, path, required);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = items.get(i);
			String id = key(item, path + "[" + i + "]", "id");
			String entryPath = path + "[" + (id != null ? id : i) + "]";
			if (id != null && !ids.add(id)) {
				problem(entryPath + ".id", "duplicate id '" + id + "'");
			}
			entryReader.accept(item, entryPath);
		}
	}

	private <T> List<T> list(Map<String, Object> parent, String parentPath, String field, boolean required,
			BiFunction<Map<String, Object>, String, T> itemReader) {
		String path = join(parentPath, field);
		List<Map<String, Object>> items = listOfMaps(parent.get(field), path, required);
		List<T> result = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			result.add(itemReader.apply(items.get(i), path + "[" + i + "]"));
		}
		return result;
	}

	/** Overload for lists of plain texts such as paragraphs and details. */
	private LocalizedText text(Map<String, Object> item, String path) {
		return localized(item, path);
	}

	private List<Map<String, Object>> listOfMaps(Object value, String path, boolean required) {
		List<Map<String, Object>> result = new ArrayList<>();
		if (value == null) {
			if (required) {
				problem(path, "is missing");
			}
			return result;
		}
		if (!(value instanceof List<?> items)) {
			problem(path, "must be a list");
			return result;
		}
		if (required && items.isEmpty()) {
			problem(path, "must not be empty");
		}
		for (int i = 0; i < items.size(); i++) {
			Map<String, Object> item = map(items.get(i), path + "[" + i + "]");
			if (item != null) {
				result.add(item);
			}
		}
		return result;
	}

	private LocalizedText text(Map<String, Object> parent, String parentPath, String field) {
		String path = join(parentPath, field);
		Object value = parent.get(field);
		if (value == null) {
			problem(path, "is missing");
			return null;
		}
		Map<String, Object> texts = map(value, path);
		return texts == null ? null : localized(texts, path);
	}

	/**
	 * Every text must exist in each required language and may exist in optional ones; a
	 * language the file does not declare is refused, so that all languages of a file
	 * describe the same ids.
	 */
	private LocalizedText localized(Map<String, Object> texts, String path) {
		Map<String, String> result = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : texts.entrySet()) {
			String language = entry.getKey();
			if (!declaredLanguages.contains(language)) {
				problem(path + "." + language, unknownLanguage(language));
			}
			else if (!(entry.getValue() instanceof String text) || text.isBlank()) {
				problem(path + "." + language, "must be a non-empty text");
			}
			else {
				result.put(language, text.strip());
			}
		}
		for (String language : requiredLanguages) {
			if (!texts.containsKey(language)) {
				problem(path, "has no " + language + " text (required language)");
			}
		}
		return new LocalizedText(result);
	}

	private String unknownLanguage(String language) {
		return "language '" + language + "' is not declared in languages (declared: "
				+ String.join(", ", declaredLanguages) + ")";
	}

	private String key(Map<String, Object> parent, String parentPath, String field) {
		String value = string(parent, parentPath, field);
		if (value != null && !KEY.matcher(value).matches()) {
			problem(join(parentPath, field), "'" + value + "' must use only lower-case letters, digits, '-' and '_'");
			return null;
		}
		return value;
	}

	private String string(Map<String, Object> parent, String parentPath, String field) {
		Object value = parent.get(field);
		String path = join(parentPath, field);
		if (value == null) {
			problem(path, "is missing");
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			problem(path, "must be a non-empty text");
			return null;
		}
		return text.strip();
	}

	private Integer integer(Map<String, Object> parent, String parentPath, String field) {
		Object value = parent.get(field);
		String path = join(parentPath, field);
		if (!(value instanceof Integer number)) {
			problem(path, value == null ? "is missing" : "must be a whole number, found '" + value + "'");
			return null;
		}
		return number;
	}

	private LocalDate date(Map<String, Object> parent, String parentPath, String field) {
		Object value = parent.get(field);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(String.valueOf(value));
		}
		catch (DateTimeParseException notADate) {
			problem(join(parentPath, field), "must be a date like 2023-10-31, found '" + value + "'");
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object value, String path) {
		if (value instanceof Map<?, ?> map) {
			for (Object mapKey : map.keySet()) {
				if (!(mapKey instanceof String)) {
					problem(path, "field name '" + mapKey + "' must be text");
					return null;
				}
			}
			return (Map<String, Object>) map;
		}
		problem(path, value == null ? "is empty" : "must be a mapping of fields");
		return null;
	}

	private void allowOnly(Map<String, Object> map, String path, String... fields) {
		Set<String> unknown = new TreeSet<>(map.keySet());
		unknown.removeAll(Set.of(fields));
		for (String field : unknown) {
			problem(join(path, field), "unknown field (expected one of: " + String.join(", ", fields) + ")");
		}
	}

	private void problem(String path, String message) {
		problems.add(new Problem(path, message));
	}

	private static String join(String parentPath, String field) {
		return parentPath.isEmpty() ? field : parentPath + "." + field;
	}

}
