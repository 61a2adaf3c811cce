package dev.nnfs.service.model;

/**
 * What a call by name finds: the version to run, or why there is none, so a caller can
 * tell an unknown model (404) from an unknown version (404) and a version that exists but
 * is not served (503, with the reason).
 *
 * @param <T> the loaded form
 */
public sealed interface Lookup<T> {

	/** A READY version. */
	record Found<T>(LoadedVersion<T> version) implements Lookup<T> {
	}

	/** No model of that name (or the name is not a valid one). */
	record UnknownModel<T>() implements Lookup<T> {
	}

	/** The model exists but has no such version. */
	record UnknownVersion<T>(int version) implements Lookup<T> {
	}

	/**
	 * The model or version exists but is not served.
	 *
	 * @param version the version asked for, or the highest version when none was
	 * @param state LOADING, UNAVAILABLE or UNLOADED
	 * @param reason why, in words (from the loader for UNAVAILABLE)
	 */
	record Unavailable<T>(int version, ModelState state, String reason) implements Lookup<T> {
	}

}
