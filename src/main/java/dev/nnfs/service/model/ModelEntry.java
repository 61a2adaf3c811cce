package dev.nnfs.service.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * One model in a listing.
 *
 * @param name the model's name
 * @param state {@link ModelState#READY} if any version is; otherwise
 * {@link ModelState#UNLOADED} if unloaded, {@link ModelState#LOADING} if a version is
 * being retried, else {@link ModelState#UNAVAILABLE}
 * @param reason why the model is not served, when it is not ({@code null} when READY)
 * @param latestReady the highest READY version, which calls without a version use
 * @param versions every version on disk, lowest first
 */
public record ModelEntry(String name, ModelState state, String reason, OptionalInt latestReady,
		List<VersionEntry> versions) {

	public ModelEntry {
		versions = List.copyOf(versions);
	}

}
