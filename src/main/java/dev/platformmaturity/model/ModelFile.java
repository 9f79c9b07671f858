package dev.platformmaturity.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A valid model file: the model it describes and a fingerprint of its content. The
 * fingerprint is taken from the parsed document with its keys sorted, so comments and
 * formatting do not count as a change, but any text does.
 */
public record ModelFile(String source, MaturityModel model, String fingerprint) {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	static String fingerprint(Object parsedDocument) {
		try {
			byte[] canonical = CANONICAL.writeValueAsBytes(parsedDocument);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
		}
	}

}
