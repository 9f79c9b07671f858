package dev.platformmaturity.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Imports every model file found at {@code app.model.locations} when the application
 * starts, before it reports itself ready. All files are validated first and imported in
 * one transaction: a file that is invalid or conflicts with an imported version stops the
 * start with its error, and nothing is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelFileImport implements ApplicationRunner {

	private final ModelImporter importer;

	private final ModelProperties properties;

	private final ResourcePatternResolver resources;

	private final ModelCatalog catalog;

	ModelFileImport(ModelImporter importer, ModelProperties properties, ResourcePatternResolver resources,
			ModelCatalog catalog) {
		this.importer = importer;
		this.catalog = catalog;
		this.properties = properties;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<ModelFile> files = new ArrayList<>();
		for (Resource file : modelFiles()) {
			try (InputStream content = file.getInputStream()) {
				files.add(ModelFileReader.read(location(file), content));
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException("Cannot read model file " + file.getDescription(), unreadable);
			}
		}
		importer.importAll(files);
		catalog.forgetCurrent();
	}

	/**
	 * Where a file was found, in full: files of the same name may lie in several
	 * locations.
	 */
	private static String location(Resource file) {
		try {
			return file.getURI().toString();
		}
		catch (IOException notAddressable) {
			return file.getDescription();
		}
	}

	private List<Resource> modelFiles() {
		List<Resource> files = new ArrayList<>();
		for (String location : properties.locations()) {
			try {
				files.addAll(Arrays.asList(resources.getResources(location)));
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException("Cannot list model files at " + location, unreadable);
			}
		}
		files.sort(Comparator.comparing(Resource::getFilename, Comparator.nullsLast(Comparator.naturalOrder())));
		return files;
	}

}
