package dev.nnfs.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request, and where: {@code pointer} is a JSON Pointer (RFC 6901)
 * into the body, {@code parameter} the name of a query or path parameter; one of them is
 * set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, String parameter, String message) {

	public static Violation at(String pointer, String message) {
		return new Violation(pointer, null, message);
	}

	public static Violation parameter(String name, String message) {
		return new Violation(null, name, message);
	}

}
