package dev.platformmaturity.model;

/**
 * A model file reuses the id of an already imported version but its content differs. The
 * message names where each of the two came from, as they may have the same file name in
 * different locations.
 */
public class ModelVersionConflictException extends RuntimeException {

	ModelVersionConflictException(ModelFile file, String importedFrom, Object importedAt) {
		super("Model file " + file.source() + " declares id '" + file.model().id()
				+ "', which was already imported from " + importedFrom + " (at " + importedAt
				+ ") with different content. An imported version never changes, "
				+ "because answers refer to its wording: give the changed model a new id and version (for example '"
				+ file.model().key() + "-v" + (file.model().version() + 1) + "').");
	}

}
