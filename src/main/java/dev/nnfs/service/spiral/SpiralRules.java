package dev.nnfs.service.spiral;

import dev.nnfs.service.config.Limits;
import dev.nnfs.service.numpy.NumpyRandom;
import dev.nnfs.service.problem.LimitExceededException;

/**
 * The rules for the numbers that pick a spiral and its stream (seed, skip, samples,
 * classes), the same wherever a client gives them: the query of {@code GET /spiral} or
 * the body of a network. Each check returns the message for a wrong value, or null; the
 * caller says where.
 */
public final class SpiralRules {

	public static final String SEED_RANGE = "an integer from 0 to " + NumpyRandom.MAX_SEED + " (2^32 - 1)";

	private SpiralRules() {
	}

	/** {@code np.random.seed} takes {@code 0 .. 2^32 - 1}. */
	public static String seed(long seed) {
		return seed < 0 || seed > NumpyRandom.MAX_SEED ? "must be " + SEED_RANGE + ", not " + seed : null;
	}

	public static String skip(long skip) {
		return skip < 0 ? "must be a non-negative integer, not " + skip : null;
	}

	/** {@code samples} and {@code classes}: at least 1. */
	public static String count(long n) {
		return n < 1 ? "must be an integer of at least 1, not " + n : null;
	}

	/**
	 * The most points one spiral may have: the configured limit, or what a JVM array can
	 * hold.
	 */
	public static long maxPoints(Limits limits) {
		return Math.min(limits.maxSpiralPoints(), SpiralData.MAX_ROWS);
	}

	/**
	 * A spiral over {@link #maxPoints}, or null; {@code pointer} or {@code parameter} is
	 * where.
	 */
	public static LimitExceededException points(long samples, long classes, Limits limits, String pointer) {
		long max = maxPoints(limits);
		if (samples <= max && classes <= max && samples * classes <= max) {
			return null;
		}
		String points = (samples > max || classes > max) ? "" : " = " + (samples * classes);
		return new LimitExceededException("nnfs.limits.max-spiral-points", max, pointer, "a spiral of samples * classes"
				+ points + " points is over the limit of " + max + " (nnfs.limits.max-spiral-points)");
	}

	/** A skip over {@code nnfs.limits.max-skip}, or null. */
	public static LimitExceededException skipLimit(long skip, Limits limits, String pointer, String parameter) {
		if (skip <= limits.maxSkip()) {
			return null;
		}
		String message = "a skip of " + (skip == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(skip))
				+ " draws is over the limit of " + limits.maxSkip() + " (nnfs.limits.max-skip)";
		return parameter != null
				? LimitExceededException.parameter("nnfs.limits.max-skip", limits.maxSkip(), parameter, message)
				: new LimitExceededException("nnfs.limits.max-skip", limits.maxSkip(), pointer, message);
	}

}
