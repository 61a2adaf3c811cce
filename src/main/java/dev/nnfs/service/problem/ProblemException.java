package dev.nnfs.service.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A problem a controller answers with directly: its type, status, detail (a sentence for
 * the client, with nothing internal in it), the mistakes it lists, extra members and
 * response headers (such as {@code WWW-Authenticate}).
 */
public final class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final HttpStatus status;

	private final List<Violation> violations;

	private final Map<String, Object> properties;

	private final Map<String, String> headers;

	public ProblemException(ProblemType type, HttpStatus status, String detail, List<Violation> violations,
			Map<String, Object> properties, Map<String, String> headers) {
		super(detail, null, false, false);
		this.type = type;
		this.status = status;
		this.violations = List.copyOf(violations);
		this.properties = Map.copyOf(properties);
		this.headers = Map.copyOf(headers);
	}

	public ProblemException(ProblemType type, HttpStatus status, String detail) {
		this(type, status, detail, List.of(), Map.of(), Map.of());
	}

	public ProblemType type() {
		return type;
	}

	public HttpStatus status() {
		return status;
	}

	public List<Violation> violations() {
		return violations;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	public Map<String, String> headers() {
		return headers;
	}

}
