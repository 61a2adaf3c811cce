package dev.nnfs.service.model;

/**
 * Turns a stored definition into the form the service runs, or says why it cannot. The
 * store calls it for every {@code model.json} it reads (at start, at each poll for a new
 * or changed file, and on save), from one thread at a time per file but possibly from
 * several threads at once for different files, so it must be thread-safe.
 *
 * @param <T> the loaded form
 */
@FunctionalInterface
public interface ModelLoader<T> {

	/**
	 * Loads one version.
	 * @param name the model's name (already validated)
	 * @param version the version number
	 * @param json the file's bytes
	 * @return the loaded model, never {@code null}
	 * @throws InvalidModelException if the bytes are not a valid model; its
	 * {@link InvalidModelException#reason() reason} is shown to clients
	 */
	T load(String name, int version, byte[] json) throws InvalidModelException;

}
