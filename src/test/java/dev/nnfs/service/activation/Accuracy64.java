package dev.nnfs.service.activation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Error statistics of one activation's float64 results against {@link Reference64}: the
 * worst error in ulps (|result - exact| divided by the ulp of the correctly rounded
 * value), the share equal to the correctly rounded value (the reference rounded once:
 * {@link BigDecimal#doubleValue} rounds correctly), and the violations: an error above 1
 * ulp, a zero of the wrong sign, or a result other than the correctly rounded one
 * although the exact value is more than 2^-26 ulp away from a midpoint between two
 * doubles (the kernels' documented margin is 2^-26 ulp).
 */
final class Accuracy64 {

	private static final MathContext MC = new MathContext(20);

	final String name;

	long count;

	long correctlyRounded;

	double worstUlps;

	double worstInput = Double.NaN;

	final List<String> violations = new ArrayList<>();

	long violationCount;

	Accuracy64(String name) {
		this.name = name;
	}

	void check(String activation, double alpha, double x, double result) {
		BigDecimal exact = Reference64.of(activation, alpha, x);
		check(x, result, exact, (exact == null) && Reference64.zeroIsNegative(activation, alpha, x));
	}

	/** {@code exact == null} is an exact zero, negative if {@code negativeZero}. */
	void check(double x, double k, BigDecimal exact, boolean negativeZero) {
		this.count++;
		String problem = null;
		double cr;
		double err;
		if (exact == null) {
			cr = negativeZero ? -0.0 : 0.0;
			err = (k == 0) ? 0 : Double.POSITIVE_INFINITY;
		}
		else {
			cr = exact.doubleValue();
			if (cr == 0) {
				cr = Math.copySign(0.0, exact.signum());
			}
			if (Double.isInfinite(cr) || !Double.isFinite(k)) {
				err = (k == cr) ? 0 : Double.POSITIVE_INFINITY; // an exact value beyond
																// MAX_VALUE rounds to
																// ±inf
			}
			else {
				err = new BigDecimal(k).subtract(exact).abs().divide(new BigDecimal(Math.ulp(cr)), MC).doubleValue();
			}
		}
		boolean sameBits = Double.doubleToRawLongBits(k) == Double.doubleToRawLongBits(cr);
		if (sameBits) {
			this.correctlyRounded++;
		}
		if (err > this.worstUlps) {
			this.worstUlps = err;
			this.worstInput = x;
		}
		if (err > 1) {
			problem = "more than 1 ulp (" + err + ")";
		}
		else if (k == 0 && cr == 0 && !sameBits) {
			problem = "zero of the wrong sign";
		}
		else if (!sameBits && exact != null && Double.isFinite(cr)) {
			double distance = exact.subtract(new BigDecimal(cr))
				.abs()
				.divide(new BigDecimal(Math.ulp(cr)), MC)
				.doubleValue();
			if (distance < 0.5 - 0x1p-26) {
				problem = "not the correctly rounded value " + cr + ", " + distance + " ulp from it";
			}
		}
		if (problem != null) {
			this.violationCount++;
			if (this.violations.size() < 10) {
				this.violations.add(this.name + "(" + x + " = " + Double.toHexString(x) + ") = " + k + ", exact "
						+ ((exact == null) ? cr : exact.round(MC)) + ": " + problem);
			}
		}
	}

	void merge(Accuracy64 other) {
		this.count += other.count;
		this.correctlyRounded += other.correctlyRounded;
		if (other.worstUlps > this.worstUlps) {
			this.worstUlps = other.worstUlps;
			this.worstInput = other.worstInput;
		}
		this.violationCount += other.violationCount;
		for (String v : other.violations) {
			if (this.violations.size() < 10) {
				this.violations.add(v);
			}
		}
	}

	String summary() {
		return String.format("%-16s %,d inputs: worst %.6f ulp (x = %s), correctly rounded %.4f%%, violations %d",
				this.name, this.count, this.worstUlps, this.worstInput, 100.0 * this.correctlyRounded / this.count,
				this.violationCount);
	}

}
