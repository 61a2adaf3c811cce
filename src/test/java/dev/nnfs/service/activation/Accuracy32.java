package dev.nnfs.service.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Error statistics of one activation's float32 results against its {@link Reference32}:
 * worst error in ulps of the exact value, the share equal to the reference rounded once,
 * and the violations: results more than {@code 1 - 2^-16} ulp from the reference (so
 * possibly more than 1 ulp from the correctly rounded value), zeros of the wrong sign,
 * and results that differ from the reference rounded once although the reference lies
 * well inside one rounding interval (within 0.49 ulp of a float, which covers exact
 * saturation).
 */
final class Accuracy32 {

	final String name;

	long count;

	long correctlyRounded;

	double worstUlps;

	float worstInput = Float.NaN;

	final List<String> violations = new ArrayList<>();

	long violationCount;

	Accuracy32(String name) {
		this.name = name;
	}

	/** Checks {@code results[i]} for {@code inputs[i]}, {@code i < n}. */
	void check(float[] inputs, float[] results, int n, DoubleUnaryOperator reference) {
		for (int i = 0; i < n; i++) {
			check(inputs[i], results[i], reference.applyAsDouble(inputs[i]));
		}
	}

	void check(float x, float k, double ref) {
		count++;
		float cr = (float) ref;
		String problem = null;
		if (Double.isNaN(ref) || Float.isNaN(k)) {
			problem = Float.isNaN(k) == Double.isNaN(ref) ? null : "NaN mismatch";
			if (problem == null) {
				correctlyRounded++;
			}
		}
		else {
			double ulp = ulpAt(ref);
			double err = Double.isInfinite(ref) ? (k == ref ? 0 : Double.POSITIVE_INFINITY) : Math.abs(k - ref) / ulp;
			boolean sameBits = Float.floatToRawIntBits(k) == Float.floatToRawIntBits(cr);
			if (sameBits) {
				correctlyRounded++;
			}
			if (err > worstUlps) {
				worstUlps = err;
				worstInput = x;
			}
			if (err > 1 - 0x1p-16) {
				problem = "more than 1 ulp";
			}
			else if ((k == 0 || ref == 0) && Math.copySign(1.0, k) != Math.copySign(1.0, ref)) {
				problem = "zero of the wrong sign";
			}
			else if (!sameBits && Math.abs(ref - cr) < 0.49 * ulpAt(cr) && !(k == 0 && cr == 0)) {
				problem = "not the correctly rounded value, far from a tie";
			}
		}
		if (problem != null) {
			violationCount++;
			if (violations.size() < 10) {
				violations.add(name + "(" + x + " = 0x" + Integer.toHexString(Float.floatToRawIntBits(x)) + ") = " + k
						+ ", reference " + ref + ": " + problem);
			}
		}
	}

	void merge(Accuracy32 other) {
		count += other.count;
		correctlyRounded += other.correctlyRounded;
		if (other.worstUlps > worstUlps) {
			worstUlps = other.worstUlps;
			worstInput = other.worstInput;
		}
		violationCount += other.violationCount;
		for (String v : other.violations) {
			if (violations.size() < 10) {
				violations.add(v);
			}
		}
	}

	/**
	 * The spacing of float32 values in the binade of {@code v} (2^-149 below MIN_NORMAL).
	 */
	static double ulpAt(double v) {
		double a = Math.abs(v);
		if (a < Float.MIN_NORMAL) {
			return Float.MIN_VALUE;
		}
		return Math.scalb(1.0, Math.getExponent(a) - 23);
	}

	String summary() {
		return String.format("%-10s %,d inputs: worst %.4f ulp (x = %s), correctly rounded %.6f%%, violations %d", name,
				count, worstUlps, worstInput, 100.0 * correctlyRounded / count, violationCount);
	}

}
