package dev.nnfs.service.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The kinds of problem the service reports (RFC 9457 {@code type}), each with its fixed
 * title. The URIs are names, not links: {@code urn:nnfs:problem:<kind>}.
 */
public enum ProblemType {

	INVALID_INPUT("invalid-input", "Invalid input"), MALFORMED_JSON("malformed-json", "Malformed JSON"),
	LIMIT_EXCEEDED("limit-exceeded", "Resource limit exceeded"),
	PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large"),
	UNKNOWN_ACTIVATION("unknown-activation", "Unknown activation"), NOT_FOUND("not-found", "Not found"),
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
	NOT_ACCEPTABLE("not-acceptable", "Not acceptable"), OVERLOADED("overloaded", "Service overloaded"),
	TIMEOUT("timeout", "Computation deadline exceeded"),
	NON_FINITE_RESULT("non-finite-result", "Result not representable"), BAD_REQUEST("bad-request", "Bad request"),
	UNKNOWN_MODEL("unknown-model", "Unknown model"), MODEL_UNAVAILABLE("model-unavailable", "Model unavailable"),
	UNAUTHORIZED("unauthorized", "Authentication required"), FORBIDDEN("forbidden", "Forbidden"),
	STORAGE_FAILURE("storage-failure", "Model not stored"), INTERNAL("internal", "Internal error");

	private final URI uri;

	private final String title;

	ProblemType(String slug, String title) {
		this.uri = URI.create("urn:nnfs:problem:" + slug);
		this.title = title;
	}

	public URI uri() {
		return uri;
	}

	public String title() {
		return title;
	}

	/** The type used for a framework error of the given status. */
	static ProblemType forStatus(HttpStatusCode status) {
		HttpStatus s = HttpStatus.resolve(status.value());
		if (s == null) {
			return status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
		}
		return switch (s) {
			case NOT_FOUND -> NOT_FOUND;
			case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
			case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
			case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
			case CONTENT_TOO_LARGE -> PAYLOAD_TOO_LARGE;
			case SERVICE_UNAVAILABLE -> OVERLOADED;
			default -> status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
		};
	}

}
