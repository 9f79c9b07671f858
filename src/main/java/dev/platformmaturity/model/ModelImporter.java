package dev.platformmaturity.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.MaturityModel.Aspect;
import dev.platformmaturity.model.MaturityModel.Characteristic;
import dev.platformmaturity.model.MaturityModel.IntroSection;
import dev.platformmaturity.model.MaturityModel.Level;
import dev.platformmaturity.model.MaturityModel.Option;
import dev.platformmaturity.model.MaturityModel.Question;
import dev.platformmaturity.model.MaturityModel.Scenario;

/**
 * Writes a validated model file into the normalised model tables, in one transaction.
 * Importing the same content again does nothing; the same id with other content is
 * refused.
 */
@Component
class ModelImporter {

	private static final Logger log = LoggerFactory.getLogger(ModelImporter.class);

	/**
	 * Serialises concurrent imports, e.g. two instances starting at once against one
	 * database.
	 */
	private static final long IMPORT_LOCK = 0x6d6f64656cL;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ModelImporter(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	enum Outcome {

		IMPORTED, ALREADY_IMPORTED

	}

	/** Imports all files or none. */
	@Transactional
	List<Outcome> importAll(List<ModelFile> files) {
		return files.stream().map(this::importModel).toList();
	}

	@Transactional
	Outcome importModel(ModelFile file) {
		MaturityModel model = file.model();
		jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query().singleRow();
		Optional<Map<String, Object>> existing = jdbc
			.sql("select content_hash, source_name, imported_at from model_version where model_id = ?")
			.param(model.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (existing.isPresent()) {
			if (existing.get().get("content_hash").equals(file.fingerprint())) {
				log.debug("Model {} from {} is already imported", model.id(), file.source());
				return Outcome.ALREADY_IMPORTED;
			}
			throw new ModelVersionConflictException(file, (String) existing.get().get("source_name"),
					existing.get().get("imported_at"));
		}
		long versionId = insert("""
				insert into model_version (model_id, model_key, version, published, content_hash, source_name)
				values (?, ?, ?, ?, ?, ?)""", model.id(), model.key(), model.version(), model.published(),
				file.fingerprint(), stored(file.source()));
		texts("insert into model_version_text (model_version_id, lang, name) values (?, ?, ?)", versionId,
				model.name());
		int position = 0;
		for (String language : model.languages()) {
			jdbc.sql("insert into model_language (model_version_id, lang, required, position) values (?, ?, ?, ?)")
				.params(versionId, language, model.requiredLanguages().contains(language), position++)
				.update();
		}
		position = 0;
		for (MaturityModel.Source source : model.sources()) {
			jdbc.sql("insert into model_source (model_version_id, position, name, url, licence) values (?, ?, ?, ?, ?)")
				.params(versionId, position++, source.name(), source.url(), source.licence())
				.update();
		}
		position = 0;
		for (MaturityModel.TranslationNote note : model.translationNotes()) {
			jdbc.sql(
					"insert into model_translation_note (model_version_id, position, path, lang, note) values (?, ?, ?, ?, ?)")
				.params(versionId, position++, note.path(), note.language(), note.note())
				.update();
		}
		insertIntroduction(versionId, model.introduction());
		for (MaturityModel.Stage stage : model.stages()) {
			long stageId = insert("insert into model_stage (model_version_id, level) values (?, ?)", versionId,
					stage.level());
			texts("insert into model_stage_text (stage_id, lang, name) values (?, ?, ?)", stageId, stage.name());
		}
		position = 0;
		for (Aspect aspect : model.aspects()) {
			insertAspect(versionId, aspect, position++);
		}
		log.info("Imported model {} from {}", model.id(), file.source());
		events.publishEvent(new ModelImported(model.id()));
		return Outcome.IMPORTED;
	}

	private void insertIntroduction(long versionId, List<IntroSection> introduction) {
		int position = 0;
		for (IntroSection section : introduction) {
			long sectionId = insert("insert into model_intro_section (model_version_id, position) values (?, ?)",
					versionId, position++);
			texts("insert into model_intro_section_text (section_id, lang, heading) values (?, ?, ?)", sectionId,
					section.heading());
			int paragraphPosition = 0;
			for (LocalizedText paragraph : section.paragraphs()) {
				long paragraphId = insert("insert into model_intro_paragraph (section_id, position) values (?, ?)",
						sectionId, paragraphPosition++);
				texts("insert into model_intro_paragraph_text (paragraph_id, lang, text) values (?, ?, ?)", paragraphId,
						paragraph);
			}
		}
	}

	private void insertAspect(long versionId, Aspect aspect, int position) {
		long aspectId = insert("insert into aspect (model_version_id, key, position) values (?, ?, ?)", versionId,
				aspect.key(), position);
		texts("insert into aspect_text (aspect_id, lang, name, question, description) values (?, ?, ?, ?, ?)", aspectId,
				aspect.name(), aspect.question(), aspect.description());
		for (Level level : aspect.levels()) {
			insertLevel(aspectId, level);
		}
		int questionPosition = 0;
		for (Question question : aspect.questions()) {
			long questionId = insert(
					"insert into question (model_version_id, aspect_id, key, position) values (?, ?, ?, ?)", versionId,
					aspectId, question.id(), questionPosition++);
			texts("insert into question_text (question_id, lang, text) values (?, ?, ?)", questionId, question.text());
			for (Option option : question.options()) {
				long optionId = insert("insert into question_option (question_id, value) values (?, ?)", questionId,
						option.value());
				texts("insert into question_option_text (option_id, lang, label, description) values (?, ?, ?, ?)",
						optionId, option.label(), option.description());
			}
		}
	}

	private void insertLevel(long aspectId, Level level) {
		long levelId = insert("insert into aspect_level (aspect_id, number) values (?, ?)", aspectId, level.number());
		texts("insert into aspect_level_text (level_id, lang, title, description) values (?, ?, ?, ?)", levelId,
				level.title(), level.description());
		int position = 0;
		for (Characteristic characteristic : level.characteristics()) {
			long characteristicId = insert(
					"insert into level_characteristic (level_id, key, position) values (?, ?, ?)", levelId,
					characteristic.id(), position++);
			texts("insert into level_characteristic_text (characteristic_id, lang, text) values (?, ?, ?)",
					characteristicId, characteristic.text());
			int detailPosition = 0;
			for (LocalizedText detail : characteristic.details()) {
				long detailId = insert(
						"insert into level_characteristic_detail (characteristic_id, position) values (?, ?)",
						characteristicId, detailPosition++);
				texts("insert into level_characteristic_detail_text (detail_id, lang, text) values (?, ?, ?)", detailId,
						detail);
			}
		}
		position = 0;
		for (Scenario scenario : level.scenarios()) {
			long scenarioId = insert("insert into level_scenario (level_id, key, position) values (?, ?, ?)", levelId,
					scenario.id(), position++);
			texts("insert into level_scenario_text (scenario_id, lang, text) values (?, ?, ?)", scenarioId,
					scenario.text());
		}
	}

	private long insert(String sql, Object... params) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Inserts one row per language that any of the fields has; {@code sql} takes owner
	 * id, language and the fields in order. A field without a text in that language is
	 * stored as null (read back as absent, so it falls back).
	 */
	private void texts(String sql, long ownerId, LocalizedText... fields) {
		Set<String> languages = new TreeSet<>();
		for (LocalizedText field : fields) {
			languages.addAll(field.texts().keySet());
		}
		for (String language : languages) {
			List<Object> params = new ArrayList<>(List.of(ownerId, language));
			for (LocalizedText field : fields) {
				params.add(field.texts().get(language));
			}
			jdbc.sql(sql).params(params).update();
		}
	}

	/**
	 * The source as the column can hold it: a location longer than 500 characters keeps
	 * its end, the file name.
	 */
	private static String stored(String source) {
		return source.length() <= 500 ? source : "…" + source.substring(source.length() - 499);
	}

}
