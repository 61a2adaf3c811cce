package dev.nnfs.service.problem;

import java.util.List;

/**
 * A client sent something the service cannot compute with. Rendered as a 400 problem
 * whose {@code errors} list every violation with its pointer.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super(violations.isEmpty() ? "invalid input" : violations.get(0).message(), null, false, false);
		this.violations = List.copyOf(violations);
	}

	public static InvalidInputException at(String pointer, String message) {
		return new InvalidInputException(List.of(Violation.at(pointer, message)));
	}

	public static InvalidInputException parameter(String name, String message) {
		return new InvalidInputException(List.of(Violation.parameter(name, message)));
	}

	public List<Violation> violations() {
		return violations;
	}

}
