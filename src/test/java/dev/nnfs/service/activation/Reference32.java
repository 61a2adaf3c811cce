package dev.nnfs.service.activation;

import java.util.function.DoubleUnaryOperator;

/**
 * Independent float64 references for the element-wise activations, written without
 * {@link Kernels32}: StrictMath's fdlibm functions (exp, expm1, log1p within 1 ulp, tanh
 * within 2.5 ulp) in forms without cancellation, and for gelu an erfc of its own (a
 * series below z = 1.5, a continued fraction above).
 *
 * <p>
 * Error bound: each reference is within δ (relative) of the exact value, δ ≤ 2^-50 for
 * the StrictMath forms (at most four float64 roundings of ≤ 2.5 ulp each), δ ≤ 2^-40 for
 * gelu ({@link #erfc}: the series' few dozen roundings amplified by at most 1/erfc(1.5) ≈
 * 30 in {@code 1 - erf}). A float within {@code 1 - δ·2^24} float ulp of the reference is
 * therefore within 1 ulp of the exact value, hence within 1 ulp of the correctly rounded
 * one; and the reference rounded to float is the correctly rounded value unless the exact
 * value lies within δ·2^24 ulp of a halfway point.
 */
final class Reference32 {

	private static final double SQRT1_2 = 0.70710678118654752440;

	private static final double SQRT_PI = 1.77245385090551602730;

	private Reference32() {
	}

	static DoubleUnaryOperator of(String name, double alpha) {
		return switch (name) {
			case "step" -> (x) -> x > 0 ? 1 : 0;
			case "linear" -> (x) -> x;
			case "relu" -> (x) -> x < 0 ? 0.0 : x;
			case "leaky_relu" -> (x) -> x > 0 ? x : alpha * x;
			case "sigmoid" -> Reference32::sigmoid;
			case "tanh" -> StrictMath::tanh;
			case "elu" -> (x) -> x > 0 ? x : alpha * StrictMath.expm1(x);
			case "silu" -> (x) -> tiny(x) ? halfAbove(x) : x * sigmoid(x);
			case "softplus" ->
				(x) -> x > 0 ? x + StrictMath.log1p(StrictMath.exp(-x)) : StrictMath.log1p(StrictMath.exp(x));
			case "gelu" -> Reference32::gelu;
			default -> throw new IllegalArgumentException(name);
		};
	}

	static double sigmoid(double x) {
		if (x >= 0) {
			return 1 / (1 + StrictMath.exp(-x));
		}
		double e = StrictMath.exp(x);
		return e / (1 + e);
	}

	static double gelu(double x) {
		if (tiny(x)) {
			return halfAbove(x);
		}
		double z = x * SQRT1_2;
		return (x < 0) ? 0.5 * x * erfc(-z) : x * (1 - 0.5 * erfc(z));
	}

	private static boolean tiny(double x) {
		return x != 0 && Math.abs(x) < 0x1p-60;
	}

	/**
	 * gelu and silu of a tiny x: the exact value is x/2 + c·x² (c = 1/√(2π), 1/4), above
	 * x/2 by far less than x/2's float64 ulp, which a double cannot hold; the next double
	 * above x/2 stands for it, as it lies on the same side of every float32 rounding
	 * boundary (x/2 is a float32 tie when x is subnormal with an odd last bit).
	 */
	private static double halfAbove(double x) {
		return Math.nextUp(x * 0.5);
	}

	/** erfc(z) for z ≥ 0, relative error ≤ 2^-40 (see the class comment). */
	static double erfc(double z) {
		if (z < 1.5) {
			// erf(z) = 2/√π e^-z² Σ z^(2n+1) 2^n / (2n+1)!!: positive terms only.
			double t = z;
			double sum = z;
			double two = 2 * z * z;
			for (int n = 1; t > 1e-18 * sum; n++) {
				t *= two / (2 * n + 1);
				sum += t;
			}
			return 1 - 2 / SQRT_PI * StrictMath.exp(-z * z) * sum;
		}
		if (z > 27) {
			return 0;
		}
		// e^-z²/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated backwards.
		int terms = z < 2 ? 160 : z < 3 ? 80 : 40;
		double f = z;
		for (int n = terms; n >= 1; n--) {
			f = z + 0.5 * n / f;
		}
		return StrictMath.exp(-z * z) / (SQRT_PI * f);
	}

}
