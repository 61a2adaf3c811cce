package dev.nnfs.service.model;

/**
 * A stored or submitted model definition that does not parse or is not a valid network.
 * The {@link #reason() reason} is a human-readable sentence meant for clients and
 * operators: it names what is wrong (a field, a layer), never a file path or an internal
 * class.
 */
public class InvalidModelException extends Exception {

	private final String reason;

	public InvalidModelException(String reason) {
		super(reason);
		this.reason = reason;
	}

	public InvalidModelException(String reason, Throwable cause) {
		super(reason, cause);
		this.reason = reason;
	}

	/** What is wrong with the model. */
	public String reason() {
		return reason;
	}

}
