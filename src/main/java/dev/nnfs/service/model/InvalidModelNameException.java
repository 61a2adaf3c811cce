package dev.nnfs.service.model;

/**
 * A model name that is not {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,63}}. The message does not
 * quote the name (it came from a client).
 */
public class InvalidModelNameException extends IllegalArgumentException {

	public InvalidModelNameException() {
		super(ModelNames.RULE);
	}

}
