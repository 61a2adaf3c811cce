package dev.nnfs.service.spiral;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.numpy.NumpyRandom;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The checked query of {@code GET /spiral}: what {@code spiral_data} to compute, from which
 * point of which numpy stream, and (when the client named one) in which format.
 *
 * @param samples points per class, {@code >= 1}
 * @param classes number of classes, {@code >= 1}
 * @param seed the argument of {@code np.random.seed}, {@code 0 .. 2^32-1}
 * @param skip normals drawn and thrown away after seeding, {@code >= 0}
 * @param format the format named by {@code format=}, or null to negotiate by {@code Accept}
 */
record SpiralQuery(int samples, int classes, long seed, long skip, SpiralFormat format) {

	static final int DEFAULT_SAMPLES = 100;

	static final int DEFAULT_CLASSES = 3;

	/** Longest value quoted back in a message. */
	private static final int QUOTE_LENGTH = 40;

	/**
	 * Parses and checks the raw query parameters (null when absent). Every malformed value is
	 * reported at once, each naming its parameter; limits are checked once the values parse.
	 * @throws InvalidInputException for non-integers, negative values, {@code samples} or
	 * {@code classes} below 1, a seed outside {@code 0 .. 2^32-1} or an unknown format
	 * @throws LimitExceededException for {@code samples * classes} over
	 * {@code nnfs.limits.max-spiral-points} or {@code skip} over {@code nnfs.limits.max-skip}
	 */
	static SpiralQuery parse(String samples, String classes, String seed, String skip, String format,
			Limits limits) {
		List<Violation> violations = new ArrayList<>();
		long s = integer("samples", samples, DEFAULT_SAMPLES, 1, "an integer of at least 1", violations);
		long c = integer("classes", classes, DEFAULT_CLASSES, 1, "an integer of at least 1", violations);
		String seedRange = "an integer from 0 to " + NumpyRandom.MAX_SEED + " (2^32 - 1)";
		long sd = integer("seed", seed, 0, 0, seedRange, violations);
		if (sd > NumpyRandom.MAX_SEED) {
			violations.add(Violation.parameter("seed", "must be " + seedRange + ", not " + quote(seed)));
		}
		long k = integer("skip", skip, 0, 0, "a non-negative integer", violations);
		SpiralFormat f = null;
		if (format != null) {
			f = SpiralFormat.fromParameter(format);
			if (f == null) {
				violations.add(Violation.parameter("format",
						"must be one of " + SpiralFormat.parameterValues() + ", not " + quote(format)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long maxPoints = Math.min(limits.maxSpiralPoints(), SpiralData.MAX_ROWS);
		if (s > maxPoints || c > maxPoints || s * c > maxPoints) {
			String points = (s > maxPoints || c > maxPoints) ? "" : " = " + (s * c);
			throw new LimitExceededException("nnfs.limits.max-spiral-points", maxPoints, null,
					"a spiral of samples * classes" + points + " points is over the limit of " + maxPoints
							+ " (nnfs.limits.max-spiral-points)");
		}
		if (k > limits.maxSkip()) {
			throw LimitExceededException.parameter("nnfs.limits.max-skip", limits.maxSkip(), "skip",
					"a skip of " + (k == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(k))
							+ " draws is over the limit of " + limits.maxSkip() + " (nnfs.limits.max-skip)");
		}
		return new SpiralQuery((int) s, (int) c, sd, k, f);
	}

	/**
	 * A decimal integer of digits only (no sign, blanks, exponent or hex), saturating at
	 * {@link Long#MAX_VALUE} so that any too-large value is caught by a range or limit check.
	 * Adds a violation and returns the default when the value is malformed or below {@code min}.
	 */
	private static long integer(String name, String raw, long defaultValue, long min, String expected,
			List<Violation> violations) {
		if (raw == null) {
			return defaultValue;
		}
		boolean negative = raw.length() > 1 && raw.charAt(0) == '-' && digitsOnly(raw.substring(1));
		if (!negative && !digitsOnly(raw)) {
			violations.add(Violation.parameter(name, "must be " + expected + ", not " + quote(raw)));
			return defaultValue;
		}
		long value = 0;
		for (int i = negative ? 1 : 0; i < raw.length(); i++) {
			int digit = raw.charAt(i) - '0';
			value = (value > (Long.MAX_VALUE - digit) / 10) ? Long.MAX_VALUE : value * 10 + digit;
		}
		if (negative || value < min) {
			violations.add(Violation.parameter(name, "must be " + expected + ", not " + quote(raw)));
			return defaultValue;
		}
		return value;
	}

	private static boolean digitsOnly(String s) {
		if (s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static String quote(String raw) {
		String shown = raw.length() <= QUOTE_LENGTH ? raw : raw.substring(0, QUOTE_LENGTH) + "\u2026";
		return "'" + shown + "'";
	}

	/**
	 * A strong entity tag for this query in {@code format}. The bytes of a response are a
	 * function of the query, the format and {@link SpiralController#REPRESENTATION_VERSION}, so
	 * the tag is built from exactly those, without hashing the body.
	 */
	String etag(SpiralFormat format) {
		return "\"spiral-v" + SpiralController.REPRESENTATION_VERSION + "-" + format.parameterValue() + "-"
				+ this.samples + "x" + this.classes + "-seed" + this.seed + "-skip" + this.skip + "\"";
	}

}
