package dev.nnfs.service.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one place a problem body (RFC 9457) is made, whoever writes it: the exception
 * advice, the container's error page, the filters that answer before Spring MVC, and
 * Tomcat's error valve. {@code type} and {@code title} come from the {@link ProblemType};
 * {@code detail} is for people; {@code errors} lists every violation with its pointer or
 * parameter.
 */
public final class Problems {

	/** The detail of every 5xx: nothing about the failure leaks to the client. */
	public static final String INTERNAL_DETAIL = "The service failed to answer this request; it has been logged.";

	private Problems() {
	}

	/**
	 * @param instance the request path, or null to leave {@code instance} out
	 * @param errors the violations, possibly empty
	 */
	public static ProblemDetail create(ProblemType type, HttpStatusCode status, String detail, String instance,
			List<Violation> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (instance != null) {
			try {
				problem.setInstance(URI.create(instance));
			}
			catch (IllegalArgumentException ex) {
				// a path the client mangled; leave instance out rather than echo it
			}
		}
		if (!errors.isEmpty()) {
			problem.setProperty("errors", List.copyOf(errors));
		}
		return problem;
	}

	/**
	 * 400 invalid-input listing every violation; the detail names the first and counts
	 * the rest.
	 */
	public static ProblemDetail invalid(List<Violation> violations, String instance) {
		return create(ProblemType.INVALID_INPUT, HttpStatus.BAD_REQUEST, summary(violations), instance, violations);
	}

	/**
	 * A limit crossed: 413 for the body, 400 otherwise, naming the limit's property and
	 * value.
	 */
	public static ProblemDetail limit(LimitExceededException ex, String instance) {
		List<Violation> errors = ex.pointer() != null ? List.of(Violation.at(ex.pointer(), ex.getMessage()))
				: ex.parameter() != null ? List.of(Violation.parameter(ex.parameter(), ex.getMessage())) : List.of();
		ProblemDetail problem = create(
				ex.payloadTooLarge() ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.LIMIT_EXCEEDED, status(ex),
				sentence(ex.getMessage()), instance, errors);
		problem.setProperty("limit", ex.limit());
		problem.setProperty("limitValue", ex.value());
		return problem;
	}

	public static HttpStatus status(LimitExceededException ex) {
		return ex.payloadTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
	}

	/**
	 * The problem for a bare status: its type's title as the detail, or the internal
	 * detail for 5xx.
	 */
	public static ProblemDetail forStatus(HttpStatusCode status, String instance) {
		ProblemType type = ProblemType.forStatus(status);
		return create(type, status, status.is5xxServerError() ? INTERNAL_DETAIL : type.title() + ".", instance,
				List.of());
	}

	/**
	 * A problem as JSON text, for the one writer that has no JSON mapper (Tomcat's error
	 * valve): only the standard members, which hold no client text but the path.
	 */
	public static String json(ProblemDetail problem) {
		StringBuilder sb = new StringBuilder("{\"type\":");
		string(sb, String.valueOf(problem.getType()));
		sb.append(",\"title\":");
		string(sb, problem.getTitle());
		sb.append(",\"status\":").append(problem.getStatus()).append(",\"detail\":");
		string(sb, problem.getDetail());
		if (problem.getInstance() != null) {
			sb.append(",\"instance\":");
			string(sb, problem.getInstance().toString());
		}
		return sb.append('}').toString();
	}

	private static void string(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
				sb.append(String.format("\\u%04x", (int) c));
			}
			else {
				sb.append(c);
			}
		}
		sb.append('"');
	}

	/** "where: what (and N more)" from the first violation. */
	static String summary(List<Violation> violations) {
		if (violations.isEmpty()) {
			return "The request is invalid.";
		}
		Violation first = violations.get(0);
		String where = first.pointer() != null ? (first.pointer().isEmpty() ? "the body" : first.pointer())
				: "parameter '" + first.parameter() + "'";
		String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
		return where + ": " + first.message() + more;
	}

	/** A message as a sentence: capital first letter, full stop. */
	public static String sentence(String s) {
		if (s.isEmpty()) {
			return s;
		}
		String capital = Character.toUpperCase(s.charAt(0)) + s.substring(1);
		return capital.endsWith(".") ? capital : capital + ".";
	}

}
