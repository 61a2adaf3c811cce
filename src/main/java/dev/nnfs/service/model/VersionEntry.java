package dev.nnfs.service.model;

/**
 * One version in a listing.
 *
 * @param version the version number
 * @param state its state
 * @param reason why it is not served: set for {@link ModelState#UNAVAILABLE} and
 * {@link ModelState#UNLOADED}, {@code null} otherwise. Text from a loader (it may quote a
 * file's content); escape it before logging
 */
public record VersionEntry(int version, ModelState state, String reason) {

}
