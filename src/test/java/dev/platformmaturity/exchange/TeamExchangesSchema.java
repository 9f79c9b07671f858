package dev.platformmaturity.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The published schema, read from docs/ as readers of the documentation get it. */
final class TeamExchangesSchema {

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(read(), InputFormat.JSON);

	private TeamExchangesSchema() {
	}

	static List<Error> problems(String document) {
		return SCHEMA.validate(document, InputFormat.JSON,
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
	}

	private static String read() {
		try {
			return Files.readString(Path.of("docs/team-exchange.schema.json"));
		}
		catch (IOException unreadable) {
			throw new IllegalStateException(unreadable);
		}
	}

}
