package dev.platformmaturity.exchange;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The published JSON Schema of the exchange format, for anyone (it is also in docs/). */
@Controller
class ExchangeSchemaController {

	static final String PATH = "/exchange/team-exchange.schema.json";

	@GetMapping(PATH)
	ResponseEntity<byte[]> schema() throws IOException {
		try (InputStream schema = getClass().getResourceAsStream(TeamExchanges.SCHEMA_LOCATION)) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/schema+json"))
				.body(schema.readAllBytes());
		}
	}

}
