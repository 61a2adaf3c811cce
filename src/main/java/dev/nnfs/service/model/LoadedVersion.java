package dev.nnfs.service.model;

import java.time.Instant;

/**
 * A version that is served: the loaded form of one {@code model.json}. Immutable, so a
 * caller that took it answers wholly from this version even if the model is replaced or
 * deleted meanwhile.
 *
 * @param <T> the loaded form
 * @param name the model's name
 * @param version the version number
 * @param model what the {@link ModelLoader} made of the file
 * @param sha256 the file's SHA-256, lower-case hex (an entity tag for the definition)
 * @param lastModified when the file was last written
 */
public record LoadedVersion<T>(String name, int version, T model, String sha256, Instant lastModified) {

}
