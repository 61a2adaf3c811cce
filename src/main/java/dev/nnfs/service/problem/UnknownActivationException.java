package dev.nnfs.service.problem;

import java.util.List;

/**
 * A name that is not in the activation catalogue: 404 on /activations/{name}, 400 inside
 * a body.
 */
public class UnknownActivationException extends RuntimeException {

	private final String name;

	private final List<String> known;

	public UnknownActivationException(String name, List<String> known) {
		super("unknown activation '" + name + "'; known activations: " + String.join(", ", known), null, false, false);
		this.name = name;
		this.known = List.copyOf(known);
	}

	public String name() {
		return name;
	}

	public List<String> known() {
		return known;
	}

}
