package dev.nnfs.service.model;

/**
 * A write to the model repository that could not be done: the repository is read-only,
 * the disk is full or not writable, or no version number could be taken. Nothing
 * half-written is left behind. The message is for the log (it may name server paths), not
 * for clients.
 */
public class ModelStoreException extends RuntimeException {

	public ModelStoreException(String message) {
		super(message);
	}

	public ModelStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
