package dev.platformmaturity.model;

/**
 * A model version was imported. Imported versions never change, but what is kept from
 * them, such as pages rendered from their texts, is dropped on an import all the same, so
 * that nothing outlives the data it came from.
 */
public record ModelImported(String modelId) {
}
