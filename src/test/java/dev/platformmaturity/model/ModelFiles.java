package dev.platformmaturity.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Model file fixtures for tests: the valid small test model, and variants of it. */
final class ModelFiles {

	static final String VALID = "/model-files/valid-model.yaml";

	static final String SHIPPED = "/db/model/cncf-pemm-v1.yaml";

	private ModelFiles() {
	}

	static String text(String resource) {
		try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	static ModelFile read(String content) {
		return ModelFileReader.read("test.yaml", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A model key no other test run uses, so tests also work against a persistent
	 * external database.
	 */
	static String uniqueKey(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000);
	}

	/**
	 * The valid test model with another id/key, so it can be imported beside the others.
	 */
	static String validWithKey(String key, int version) {
		return text(VALID).replace("id: test-model-v1", "id: " + key + "-v" + version)
			.replace("key: test-model", "key: " + key)
			.replace("version: 1", "version: " + version);
	}

}
