package dev.nnfs.service.spiral;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.problem.InvalidInputException;
import dev.nnfs.service.problem.Violations;
import dev.nnfs.service.problem.LimitExceededException;
import dev.nnfs.service.problem.Violation;
import dev.nnfs.service.tensor.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The checked query of {@code GET /spiral}: what {@code spiral_data} to compute, from
 * which point of which numpy stream, and (when the client named one) in which format.
 *
 * @param samples points per class, {@code >= 1}
 * @param classes number of classes, {@code >= 1}
 * @param seed the argument of {@code np.random.seed}, {@code 0 .. 2^32-1}
 * @param skip normals drawn and thrown away after seeding, {@code >= 0}
 * @param format the format named by {@code format=}, or null to negotiate by
 * {@code Accept}
 * @param dtype float32 ({@code nnfs.init()}, the default) or float64 (plain numpy)
 */
record SpiralQuery(int samples, int classes, long seed, long skip, SpiralFormat format, DType dtype) {

	static final int DEFAULT_SAMPLES = 100;

	static final int DEFAULT_CLASSES = 3;

	/**
	 * Parses and checks the raw query parameters (null when absent). Every malformed
	 * value is reported at once, each naming its parameter; limits are checked once the
	 * values parse.
	 * @throws InvalidInputException for non-integers, negative values, {@code samples} or
	 * {@code classes} below 1, a seed outside {@code 0 .. 2^32-1} or an unknown format
	 * @throws LimitExceededException for {@code samples * classes} over
	 * {@code nnfs.limits.max-spiral-points} or {@code skip} over
	 * {@code nnfs.limits.max-skip}
	 */
	static SpiralQuery parse(String samples, String classes, String seed, String skip, String format, String dtype,
			Limits limits) {
		List<Violation> violations = new ArrayList<>();
		long s = integer("samples", samples, DEFAULT_SAMPLES, SpiralRules::count, violations);
		long c = integer("classes", classes, DEFAULT_CLASSES, SpiralRules::count, violations);
		long sd = integer("seed", seed, 0, SpiralRules::seed, violations);
		long k = integer("skip", skip, 0, SpiralRules::skip, violations);
		SpiralFormat f = null;
		if (format != null) {
			f = SpiralFormat.fromParameter(format);
			if (f == null) {
				violations.add(Violation.parameter("format",
						"must be one of " + SpiralFormat.parameterValues() + ", not " + quote(format)));
			}
		}
		DType t = DType.FLOAT32;
		if (dtype != null) {
			t = DType.parse(dtype);
			if (t == null) {
				violations.add(Violation.parameter("dtype", "must be " + DType.NAMES + ", not " + quote(dtype)));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		LimitExceededException over = SpiralRules.points(s, c, limits, null);
		if (over != null) {
			throw over;
		}
		over = SpiralRules.skipLimit(k, limits, null, "skip");
		if (over != null) {
			throw over;
		}
		return new SpiralQuery((int) s, (int) c, sd, k, f, t);
	}

	/**
	 * A decimal integer: an optional minus sign and digits (no plus, blanks, exponent or
	 * hex), saturating at {@link Long#MAX_VALUE} so that any too-large value is caught by
	 * a range or limit check. Adds a violation and returns the default when the value is
	 * malformed.
	 */
	private static long integer(String name, String raw, long defaultValue, LongFunction<String> rule,
			List<Violation> violations) {
		if (raw == null) {
			return defaultValue;
		}
		boolean negative = raw.length() > 1 && raw.charAt(0) == '-';
		String digits = negative ? raw.substring(1) : raw;
		if (!digitsOnly(digits)) {
			violations.add(Violation.parameter(name, "must be an integer, not " + quote(raw)));
			return defaultValue;
		}
		long value = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			value = (value > (Long.MAX_VALUE - digit) / 10) ? Long.MAX_VALUE : value * 10 + digit;
		}
		value = negative ? -value : value;
		String mistake = rule.apply(value);
		if (mistake != null) {
			violations.add(Violation.parameter(name, mistake));
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
		return "'" + Violations.clip(raw) + "'";
	}

	/**
	 * A strong entity tag for this query in {@code format}. The bytes of a response are a
	 * function of the query, the format and
	 * {@link SpiralController#REPRESENTATION_VERSION}, so the tag is built from exactly
	 * those, without hashing the body.
	 */
	String etag(SpiralFormat format) {
		return "\"spiral-v" + SpiralController.REPRESENTATION_VERSION + "-" + format.parameterValue() + "-" + this.dtype
				+ "-" + this.samples + "x" + this.classes + "-seed" + this.seed + "-skip" + this.skip + "\"";
	}

}
