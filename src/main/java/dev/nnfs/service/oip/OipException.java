package dev.nnfs.service.oip;

import java.util.List;

/**
 * A request on the {@code /v2} routes that the service refuses, with the HTTP status and
 * the one string the protocol's error object carries ({@link ErrorResponse}): 400 for a
 * bad request, 404 for an unknown model or version, 413 for a request over a size limit,
 * 503 when not ready or overloaded. A bad request names every mistake found, each as
 * {@code where: what} ({@code inputs[0].shape: ...}), joined by {@code "; "}.
 */
public class OipException extends RuntimeException {

	/** Most mistakes named in one message; the rest are counted. */
	public static final int MAX_LISTED = 100;

	private final int status;

	private final List<String> mistakes;

	public OipException(int status, List<String> mistakes) {
		super(join(mistakes), null, false, false);
		this.status = status;
		this.mistakes = List.copyOf(mistakes);
	}

	public static OipException badRequest(List<String> mistakes) {
		return new OipException(400, mistakes);
	}

	public static OipException badRequest(String mistake) {
		return new OipException(400, List.of(mistake));
	}

	public static OipException notFound(String message) {
		return new OipException(404, List.of(message));
	}

	public static OipException tooLarge(String message) {
		return new OipException(413, List.of(message));
	}

	public static OipException unavailable(String message) {
		return new OipException(503, List.of(message));
	}

	/** The HTTP status: 400, 404, 413 or 503. */
	public int status() {
		return status;
	}

	/** Each mistake as {@code where: what}, in the order found. */
	public List<String> mistakes() {
		return mistakes;
	}

	/** The body to answer with. */
	public ErrorResponse toResponse() {
		return new ErrorResponse(getMessage());
	}

	private static String join(List<String> mistakes) {
		if (mistakes.isEmpty()) {
			return "bad request";
		}
		if (mistakes.size() <= MAX_LISTED) {
			return String.join("; ", mistakes);
		}
		return String.join("; ", mistakes.subList(0, MAX_LISTED)) + "; and " + (mistakes.size() - MAX_LISTED)
				+ " more mistakes";
	}

}
