package dev.nnfs.service.tensor;

import java.util.Locale;

/**
 * The two numeric modes of the API, chosen per request with {@code "dtype"}:
 * <ul>
 * <li>{@link #FLOAT32} (the default): numpy under {@code nnfs.init()}, float32 arithmetic
 * with matrix products accumulated in float64 and rounded once;
 * <li>{@link #FLOAT64}: plain numpy, float64 from the random stream to the loss.
 * </ul>
 * Answers name the mode they were computed in, by {@link #toString()}.
 */
public enum DType {

	FLOAT32, FLOAT64;

	/** The names a client may send, in the order the docs list them. */
	public static final String NAMES = "float32 or float64";

	/** The name on the wire: {@code float32}, {@code float64}. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The mode named {@code name}, or null when it is not one. */
	public static DType parse(String name) {
		for (DType t : values()) {
			if (t.toString().equals(name)) {
				return t;
			}
		}
		return null;
	}

	/**
	 * What a request's {@code dtype} means: the default when it is absent, else the named
	 * mode; a name that is not one is a mistake reported at {@code pointer} and read as
	 * the default.
	 */
	public static DType of(String name, String pointer, dev.nnfs.service.problem.Violations mistakes) {
		if (name == null) {
			return FLOAT32;
		}
		DType t = parse(name);
		if (t == null) {
			mistakes.at(pointer, "must be " + NAMES + ", not '" + JsonBody.quote(name) + "'");
			return FLOAT32;
		}
		return t;
	}

}
