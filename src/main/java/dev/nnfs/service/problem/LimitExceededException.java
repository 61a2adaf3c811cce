package dev.nnfs.service.problem;

/**
 * A request goes over one of the configured resource limits ({@link Limits}). Rendered as
 * a problem naming the limit's property and its value: 413 for the body size, 400
 * otherwise.
 */
public class LimitExceededException extends RuntimeException {

	private final String limit;

	private final long value;

	private final String pointer;

	private final boolean payloadTooLarge;

	private final String parameter;

	public LimitExceededException(String limit, long value, String pointer, String message) {
		this(limit, value, pointer, null, message, false);
	}

	private LimitExceededException(String limit, long value, String pointer, String parameter, String message,
			boolean payloadTooLarge) {
		super(message, null, false, false);
		this.limit = limit;
		this.value = value;
		this.pointer = pointer;
		this.parameter = parameter;
		this.payloadTooLarge = payloadTooLarge;
	}

	/**
	 * A query or path parameter over a limit; the problem's {@code errors} name the
	 * parameter.
	 */
	public static LimitExceededException parameter(String limit, long value, String parameter, String message) {
		return new LimitExceededException(limit, value, null, parameter, message, false);
	}

	public static LimitExceededException bodyTooLarge(long maxBytes) {
		return new LimitExceededException("nnfs.limits.max-body-size", maxBytes, null, null,
				"the request body is larger than the limit of " + maxBytes + " bytes", true);
	}

	/** The configuration property that sets the limit. */
	public String limit() {
		return limit;
	}

	public long value() {
		return value;
	}

	/** Where in the request the limit was crossed, or null. */
	public String pointer() {
		return pointer;
	}

	/** The query or path parameter that crossed the limit, or null. */
	public String parameter() {
		return parameter;
	}

	public boolean payloadTooLarge() {
		return payloadTooLarge;
	}

}
