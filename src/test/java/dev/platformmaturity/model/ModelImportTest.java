package dev.platformmaturity.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.platformmaturity.support.StatementCounter;
import dev.platformmaturity.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model module on its own: it needs no other module to import, store and read model
 * versions.
 */
@ApplicationModuleTest
@Import({ TestDatabase.class, StatementCounter.class })
@RecordApplicationEvents
class ModelImportTest {

	@Autowired
	ModelImporter importer;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theShippedModelIsImportedAtStartAndReadsBackExactlyAsTheFileSays() {
		MaturityModel fromFile = ModelFiles.read(ModelFiles.text(ModelFiles.SHIPPED)).model();

		assertThat(catalog.current().id()).isEqualTo("cncf-pemm-v1");
		assertThat(catalog.version("cncf-pemm-v1")).contains(fromFile);
	}

	@Test
	void importingTheSameVersionAgainChangesNothing() {
		long rowsBefore = modelRows();

		assertThat(importer.importModel(ModelFiles.read(ModelFiles.text(ModelFiles.SHIPPED))))
			.isEqualTo(ModelImporter.Outcome.ALREADY_IMPORTED);
		assertThat(modelRows()).isEqualTo(rowsBefore);
	}

	@Test
	void aNewVersionIsStoredWithItsTextsPerLanguageAndFallsBackToEnglish() {
		String roundtrip = ModelFiles.uniqueKey("roundtrip");
		ModelFile file = ModelFiles.read(ModelFiles.validWithKey(roundtrip, 1));

		assertThat(importer.importModel(file)).isEqualTo(ModelImporter.Outcome.IMPORTED);

		MaturityModel stored = catalog.version(roundtrip + "-v1").orElseThrow();
		assertThat(stored).isEqualTo(file.model());
		assertThat(stored.aspect("flow").orElseThrow().question().in("de")).isEqualTo("How does work flow?");
		assertThat(jdbc.sql("""
				select count(*) from question_option_text t join question_option o on o.id = t.option_id
				join question q on q.id = o.question_id join model_version v on v.id = q.model_version_id
				where v.model_id = ? and t.lang = 'de' and t.description is null""")
			.param(roundtrip + "-v1")
			.query(Long.class)
			.single()).as("German labels without German descriptions").isEqualTo(4);
	}

	/**
	 * What is kept from imported versions, such as the answering page's rendered texts,
	 * is dropped on an import.
	 */
	@Test
	void importingANewVersionAnnouncesItAndImportingItAgainDoesNot(ApplicationEvents events) {
		String announced = ModelFiles.uniqueKey("announced");
		ModelFile file = ModelFiles.read(ModelFiles.validWithKey(announced, 1));

		importer.importModel(file);
		importer.importModel(file);

		assertThat(events.stream(ModelImported.class)).containsExactly(new ModelImported(announced + "-v1"));
	}

	@Test
	void aChangedFileWithAnImportedIdIsRefusedAndTheStoredVersionKeepsItsWording() {
		String conflict = ModelFiles.uniqueKey("conflict");
		String original = ModelFiles.validWithKey(conflict, 1);
		importer.importModel(ModelFiles.read(original));
		ModelFile changed = ModelFiles.read(original.replace("Characteristic 3.1", "Characteristic 3.1, reworded"));

		assertThatThrownBy(() -> importer.importModel(changed)).isInstanceOf(ModelVersionConflictException.class)
			.hasMessageContaining("'" + conflict + "-v1'")
			.hasMessageContaining("new id and version (for example '" + conflict + "-v2')");
		assertThat(jdbc.sql("""
				select t.text from level_characteristic_text t join level_characteristic c on c.id = t.characteristic_id
				join aspect_level l on l.id = c.level_id join aspect a on a.id = l.aspect_id
				join model_version v on v.id = a.model_version_id
				where v.model_id = ? and l.number = 3 and c.key = 'c1' and t.lang = 'en'""")
			.param(conflict + "-v1")
			.query(String.class)
			.single()).isEqualTo("Characteristic 3.1");
	}

	@Test
	void aBatchWithOneConflictingFileWritesNothing() {
		String batchExisting = ModelFiles.uniqueKey("existing");
		String batchFresh = ModelFiles.uniqueKey("fresh");
		importer.importModel(ModelFiles.read(ModelFiles.validWithKey(batchExisting, 1)));
		ModelFile fresh = ModelFiles.read(ModelFiles.validWithKey(batchFresh, 1));
		ModelFile conflicting = ModelFiles
			.read(ModelFiles.validWithKey(batchExisting, 1).replace("Scenario 1.1", "Scenario changed"));

		assertThatThrownBy(() -> importer.importAll(List.of(fresh, conflicting)))
			.isInstanceOf(ModelVersionConflictException.class);
		assertThat(catalog.version(batchFresh + "-v1")).isEmpty();
	}

	@Test
	void anInvalidFileAtStartUpStopsTheImportBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
		String startupValid = ModelFiles.uniqueKey("valid");
		String startupInvalid = ModelFiles.uniqueKey("invalid");
		Files.writeString(folder.resolve("a-valid.yaml"), ModelFiles.validWithKey(startupValid, 1),
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("b-invalid.yaml"),
				ModelFiles.validWithKey(startupInvalid, 1).replace("- value: 3", "- value: 7"), StandardCharsets.UTF_8);
		ModelFileImport startUpImport = new ModelFileImport(importer,
				new ModelProperties("cncf-pemm", List.of(folder.toUri() + "*.yaml")),
				new PathMatchingResourcePatternResolver(), catalog);
		long rowsBefore = modelRows();

		assertThatThrownBy(() -> startUpImport.run(null)).isInstanceOf(InvalidModelFileException.class)
			.hasMessageContaining("b-invalid.yaml")
			.hasMessageContaining("aspects[flow].questions[flow_1].options[2].value: value 7 is outside 1..4");
		assertThat(modelRows()).isEqualTo(rowsBefore);
		assertThat(catalog.version(startupValid + "-v1")).isEmpty();
	}

	@Test
	void aConflictBetweenFilesOfTheSameNameNamesTheLocationOfEach(@TempDir Path folder) throws IOException {
		String key = ModelFiles.uniqueKey("twins");
		Path shipped = Files.createDirectories(folder.resolve("shipped"));
		Path added = Files.createDirectories(folder.resolve("added"));
		Files.writeString(shipped.resolve("model.yaml"), ModelFiles.validWithKey(key, 1), StandardCharsets.UTF_8);
		Files.writeString(added.resolve("model.yaml"),
				ModelFiles.validWithKey(key, 1).replace("Characteristic 3.1", "Characteristic 3.1, reworded"),
				StandardCharsets.UTF_8);
		ModelProperties bothFolders = new ModelProperties("cncf-pemm",
				List.of(shipped.toUri() + "*.yaml", added.toUri() + "*.yaml"));
		ModelFileImport startUpImport = new ModelFileImport(importer, bothFolders,
				new PathMatchingResourcePatternResolver(), catalog);

		assertThatThrownBy(() -> startUpImport.run(null)).isInstanceOf(ModelVersionConflictException.class)
			.hasMessageContaining("Model file file:" + added.resolve("model.yaml") + " declares id '" + key + "-v1'")
			.hasMessageContaining("already imported from file:" + shipped.resolve("model.yaml") + " (at ");
		assertThat(catalog.version(key + "-v1")).isEmpty();
	}

	@Test
	void theCurrentVersionIsReadOnceAndThenServedFromMemory() {
		catalog.currentVersion();

		int statements = StatementCounter.count(() -> {
			assertThat(catalog.current().id()).isEqualTo("cncf-pemm-v1");
			assertThat(catalog.currentVersion().questionIds()).hasSize(20);
		});

		assertThat(statements).isZero();
	}

	@Test
	void aStartUpImportMakesTheCatalogReadTheCurrentVersionAgain(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("other.yaml"), ModelFiles.validWithKey(ModelFiles.uniqueKey("restart"), 1),
				StandardCharsets.UTF_8);
		catalog.currentVersion();

		new ModelFileImport(importer, new ModelProperties("cncf-pemm", List.of(folder.toUri() + "*.yaml")),
				new PathMatchingResourcePatternResolver(), catalog)
			.run(null);

		assertThat(StatementCounter.count(() -> assertThat(catalog.current().id()).isEqualTo("cncf-pemm-v1"))).isOne();
		assertThat(StatementCounter.count(() -> catalog.currentVersion())).isZero();
	}

	private long modelRows() {
		return jdbc.sql("""
				select (select count(*) from model_version) + (select count(*) from aspect_text)
				+ (select count(*) from level_characteristic_text) + (select count(*) from question_option_text)""")
			.query(Long.class)
			.single();
	}

}
