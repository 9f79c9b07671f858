package dev.platformmaturity.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * The imported model versions. A version never changes once imported, so each is read
 * from the database once (a fixed number of queries, whatever its size) and kept in
 * memory; reading one from memory needs no transaction.
 */
@Service
public class ModelCatalog {

	private final JdbcClient jdbc;

	private final ModelProperties properties;

	private final Map<String, MaturityModel> versions = new ConcurrentHashMap<>();

	private final Map<Long, ModelVersion> stored = new ConcurrentHashMap<>();

	private final Map<String, ModelView> views = new ConcurrentHashMap<>();

	private final TransactionTemplate reading;

	/**
	 * Which version is current, read once and kept until the next start: versions are
	 * imported at start-up ({@link ModelFileImport}, which calls {@link #forgetCurrent()}
	 * after its import), so a new version arrives with a new release, and an instance
	 * keeps the version it started with until it is restarted.
	 */
	private volatile Current current;

	private record Current(String modelId, long databaseId) {
	}

	ModelCatalog(JdbcClient jdbc, ModelProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/**
	 * The version new assessments use: the newest imported version of the configured
	 * model key.
	 */
	public MaturityModel current() {
		return version(known().modelId()).orElseThrow();
	}

	private Current known() {
		Current known = current;
		return known != null ? known : readCurrent();
	}

	/**
	 * Reads and keeps the current version; synchronised with {@link #forgetCurrent()}, so
	 * no stale read outlives it.
	 */
	private synchronized Current readCurrent() {
		if (current == null) {
			current = jdbc.sql("""
					select model_id, id from model_version where model_key = ? order by version desc limit 1""")
				.param(properties.key())
				.query((rs, row) -> new Current(rs.getString("model_id"), rs.getLong("id")))
				.optional()
				.orElseThrow(() -> new IllegalStateException(
						"No version of model '" + properties.key() + "' is imported; check app.model.locations"));
		}
		return current;
	}

	/** After an import: the next call reads again which version is current. */
	synchronized void forgetCurrent() {
		current = null;
	}

	/**
	 * The model as pages show it in {@code language}; built once per version and language
	 * of the model.
	 */
	public ModelView view(MaturityModel model, String language) {
		if (!model.languages().contains(language)) {
			return ModelView.of(model, language);
		}
		return views.computeIfAbsent(model.id() + " " + language, key -> ModelView.of(model, language));
	}

	/** The current version with the database ids that answers and targets refer to. */
	public ModelVersion currentVersion() {
		return versionById(known().databaseId());
	}

	/** A version by its database id, as answers refer to it. */
	public ModelVersion versionById(long databaseId) {
		ModelVersion cached = stored.get(databaseId);
		if (cached != null) {
			return cached;
		}
		ModelVersion loaded = reading.execute(status -> loadVersion(databaseId));
		stored.put(databaseId, loaded);
		return loaded;
	}

	private ModelVersion loadVersion(long databaseId) {
		String modelId = jdbc.sql("select model_id from model_version where id = ?")
			.param(databaseId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No model version " + databaseId));
		Map<String, Long> aspectIds = new LinkedHashMap<>();
		jdbc.sql("select key, id from aspect where model_version_id = ? order by position")
			.param(databaseId)
			.query(rs -> {
				aspectIds.put(rs.getString("key"), rs.getLong("id"));
			});
		Map<String, Long> questionIds = new LinkedHashMap<>();
		jdbc.sql("select key, id from question where model_version_id = ?").param(databaseId).query(rs -> {
			questionIds.put(rs.getString("key"), rs.getLong("id"));
		});
		return new ModelVersion(databaseId, version(modelId).orElseThrow(), aspectIds, questionIds);
	}

	/**
	 * A version by its model id ({@code cncf-pemm-v1}) with its database ids; empty when
	 * it is not imported.
	 */
	public Optional<ModelVersion> storedVersion(String modelId) {
		return reading
			.execute(status -> jdbc.sql("select id from model_version where model_id = ?")
				.param(modelId)
				.query(Long.class)
				.optional())
			.map(this::versionById);
	}

	public Optional<MaturityModel> version(String modelId) {
		MaturityModel cached = versions.get(modelId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<MaturityModel> loaded = reading.execute(status -> load(modelId));
		loaded.ifPresent(model -> versions.put(modelId, model));
		return loaded;
	}

	private Optional<MaturityModel> load(String modelId) {
		Optional<Map<String, Object>> row = jdbc
			.sql("select id, model_key, version, published from model_version where model_id = ?")
			.param(modelId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		long versionId = ((Number) row.get().get("id")).longValue();
		List<String> required = new ArrayList<>();
		List<String> optional = new ArrayList<>();
		jdbc.sql("select lang, required from model_language where model_version_id = ? order by position")
			.param(versionId)
			.query((rs, n) -> rs.getBoolean("required") ? required.add(rs.getString("lang"))
					: optional.add(rs.getString("lang")))
			.list();
		List<Source> sources = jdbc
			.sql("select name, url, licence from model_source where model_version_id = ? order by position")
			.param(versionId)
			.query((rs, n) -> new Source(rs.getString("name"), rs.getString("url"), rs.getString("licence")))
			.list();
		List<TranslationNote> notes = jdbc
			.sql("select path, lang, note from model_translation_note where model_version_id = ? order by position")
			.param(versionId)
			.query((rs, n) -> new TranslationNote(rs.getString("path"), rs.getString("lang"), rs.getString("note")))
			.list();
		Object published = row.get().get("published");
		return Optional.of(new MaturityModel(modelId, (String) row.get().get("model_key"),
				((Number) row.get().get("version")).intValue(),
				published == null ? null : ((java.sql.Date) published).toLocalDate(),
				texts("select model_version_id as owner, lang, name from model_version_text where model_version_id = ?",
						versionId, "name")
					.get(versionId),
				required, optional, sources, notes, introduction(versionId), stages(versionId), aspects(versionId)));
	}

	private List<IntroSection> introduction(long versionId) {
		Map<Long, LocalizedText> headings = texts("""
				select t.section_id as owner, t.lang, t.heading from model_intro_section_text t
				join model_intro_section s on s.id = t.section_id where s.model_version_id = ?""", versionId,
				"heading");
		Map<Long, LocalizedText> paragraphs = texts("""
				select t.paragraph_id as owner, t.lang, t.text from model_intro_paragraph_text t
				join model_intro_paragraph p on p.id = t.paragraph_id
				join model_intro_section s on s.id = p.section_id where s.model_version_id = ?""", versionId, "text");
		Map<Long, List<LocalizedText>> paragraphsBySection = grouped("""
				select p.section_id as parent, p.id from model_intro_paragraph p
				join model_intro_section s on s.id = p.section_id where s.model_version_id = ? order by p.position""",
				versionId, (rs, n) -> paragraphs.get(rs.getLong("id")));
		return ids("select id from model_intro_section where model_version_id = ? order by position", versionId)
			.stream()
			.map(id -> new IntroSection(headings.get(id), paragraphsBySection.getOrDefault(id, List.of())))
			.toList();
	}

	private List<Stage> stages(long versionId) {
		Map<Long, LocalizedText> names = texts("""
				select t.stage_id as owner, t.lang, t.name from model_stage_text t
				join model_stage s on s.id = t.stage_id where s.model_version_id = ?""", versionId, "name");
		return jdbc.sql("select id, level from model_stage where model_version_id = ? order by level")
			.param(versionId)
			.query((rs, n) -> new Stage(rs.getInt("level"), names.get(rs.getLong("id"))))
			.list();
	}

	private List<Aspect> aspects(long versionId) {
		Map<String, Map<Long, LocalizedText>> aspectTexts = multiTexts("""
				select t.aspect_id as owner, t.lang, t.name, t.question, t.description from aspect_text t
				join aspect a on a.id = t.aspect_id where a.model_version_id = ?""", versionId, "name", "question",
				"description");
		Map<Long, List<Level>> levels = levels(versionId);
		Map<Long, List<Question>> questions = questions(versionId);
		return jdbc.sql("select id, key from aspect where model_version_id = ? order by position")
			.param(versionId)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				return new Aspect(rs.getString("key"), aspectTexts.get("name").get(id),
						aspectTexts.get("question").get(id), aspectTexts.get("description").get(id),
						levels.getOrDefault(id, List.of()), questions.getOrDefault(id, List.of()));
			})
			.list();
	}

	private Map<Long, List<Level>> levels(long versionId) {
		String ofVersion = " join aspect_level l on l.id = x.level_id join aspect a on a.id = l.aspect_id where a.model_version_id = ?";
		Map<String, Map<Long, LocalizedText>> levelTexts = multiTexts(
				"""
						select t.level_id as owner, t.lang, t.title, t.description from aspect_level_text t
						join aspect_level l on l.id = t.level_id join aspect a on a.id = l.aspect_id where a.model_version_id = ?""",
				versionId, "title", "description");
		Map<Long, LocalizedText> characteristicTexts = texts("""
				select t.characteristic_id as owner, t.lang, t.text from level_characteristic_text t
				join level_characteristic x on x.id = t.characteristic_id""" + ofVersion, versionId, "text");
		Map<Long, LocalizedText> detailTexts = texts("""
				select t.detail_id as owner, t.lang, t.text from level_characteristic_detail_text t
				join level_characteristic_detail d on d.id = t.detail_id
				join level_characteristic x on x.id = d.characteristic_id""" + ofVersion, versionId, "text");
		Map<Long, List<LocalizedText>> details = grouped("""
				select d.characteristic_id as parent, d.id from level_characteristic_detail d
				join level_characteristic x on x.id = d.characteristic_id""" + ofVersion + " order by d.position",
				versionId, (rs, n) -> detailTexts.get(rs.getLong("id")));
		Map<Long, List<Characteristic>> characteristics = grouped(
				"select x.level_id as parent, x.id, x.key from level_characteristic x" + ofVersion
						+ " order by x.position",
				versionId, (rs, n) -> {
					long id = rs.getLong("id");
					return new Characteristic(rs.getString("key"), characteristicTexts.get(id),
							details.getOrDefault(id, List.of()));
				});
		Map<Long, LocalizedText> scenarioTexts = texts("""
				select t.scenario_id as owner, t.lang, t.text from level_scenario_text t
				join level_scenario x on x.id = t.scenario_id""" + ofVersion, versionId, "text");
		Map<Long, List<Scenario>> scenarios = grouped(
				"select x.level_id as parent, x.id, x.key from level_scenario x" + ofVersion + " order by x.position",
				versionId, (rs, n) -> new Scenario(rs.getString("key"), scenarioTexts.get(rs.getLong("id"))));
		return grouped("""
				select l.aspect_id as parent, l.id, l.number from aspect_level l join aspect a on a.id = l.aspect_id
				where a.model_version_id = ? order by l.number""", versionId, (rs, n) -> {
			long id = rs.getLong("id");
			return new Level(rs.getInt("number"), levelTexts.get("title").get(id),
					levelTexts.get("description").get(id), characteristics.getOrDefault(id, List.of()),
					scenarios.getOrDefault(id, List.of()));
		});
	}

	private Map<Long, List<Question>> questions(long versionId) {
		Map<Long, LocalizedText> questionTexts = texts("""
				select t.question_id as owner, t.lang, t.text from question_text t
				join question q on q.id = t.question_id where q.model_version_id = ?""", versionId, "text");
		Map<String, Map<Long, LocalizedText>> optionTexts = multiTexts("""
				select t.option_id as owner, t.lang, t.label, t.description from question_option_text t
				join question_option o on o.id = t.option_id join question q on q.id = o.question_id
				where q.model_version_id = ?""", versionId, "label", "description");
		Map<Long, List<Option>> options = grouped(
				"""
						select o.question_id as parent, o.id, o.value from question_option o join question q on q.id = o.question_id
						where q.model_version_id = ? order by o.value""",
				versionId, (rs, n) -> {
					long id = rs.getLong("id");
					return new Option(rs.getInt("value"), optionTexts.get("label").get(id),
							optionTexts.get("description").get(id));
				});
		return grouped("select aspect_id as parent, id, key from question where model_version_id = ? order by position",
				versionId, (rs, n) -> {
					long id = rs.getLong("id");
					return new Question(rs.getString("key"), questionTexts.get(id),
							options.getOrDefault(id, List.of()));
				});
	}

	/** Rows of (owner, lang, column) folded into one text per owner. */
	private Map<Long, LocalizedText> texts(String sql, long versionId, String column) {
		return multiTexts(sql, versionId, column).get(column);
	}

	/**
	 * Rows of (owner, lang, columns...) folded into one text per owner and column; null
	 * cells are absent texts.
	 */
	private Map<String, Map<Long, LocalizedText>> multiTexts(String sql, long versionId, String... columns) {
		Map<String, Map<Long, Map<String, String>>> byColumn = new LinkedHashMap<>();
		jdbc.sql(sql).param(versionId).query(rs -> {
			long owner = rs.getLong("owner");
			String language = rs.getString("lang");
			for (String column : columns) {
				String text = rs.getString(column);
				if (text != null) {
					byColumn.computeIfAbsent(column, c -> new LinkedHashMap<>())
						.computeIfAbsent(owner, o -> new LinkedHashMap<>())
						.put(language, text);
				}
			}
		});
		Map<String, Map<Long, LocalizedText>> result = new LinkedHashMap<>();
		for (String column : columns) {
			Map<Long, LocalizedText> texts = new LinkedHashMap<>();
			byColumn.getOrDefault(column, Map.of()).forEach((owner, map) -> texts.put(owner, new LocalizedText(map)));
			result.put(column, texts);
		}
		return result;
	}

	private List<Long> ids(String sql, long versionId) {
		return jdbc.sql(sql).param(versionId).query(Long.class).list();
	}

	/** Rows with a {@code parent} column, in order, mapped to children per parent. */
	private <T> Map<Long, List<T>> grouped(String sql, long versionId, RowMapper<T> child) {
		Map<Long, List<T>> result = new LinkedHashMap<>();
		jdbc.sql(sql).param(versionId).query(rs -> {
			result.computeIfAbsent(rs.getLong("parent"), parent -> new ArrayList<>()).add(child.mapRow(rs, 0));
		});
		return result;
	}

}
