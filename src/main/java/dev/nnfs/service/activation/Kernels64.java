package dev.nnfs.service.activation;

import dev.nnfs.service.numpy.DoubleDouble;

/**
 * The element-wise activations in float64 (numpy without {@code nnfs.init()}), each
 * within 1 ulp of the correctly rounded result for every finite double, and correctly
 * rounded but in the rarest cases. The formulas are those of {@link Kernels32}.
 *
 * <p>
 * Method: the smooth activations are evaluated in double-double arithmetic
 * ({@link DoubleDouble}: about 106 bits, exponentials and logarithms with relative error
 * below 2^-90) in forms without cancellation, and rounded once at the end. A value with
 * relative error δ rounds to the correctly rounded double unless the exact value lies
 * within δ of a midpoint, and within {@code 0.5 + 2^54·δ} ulp always; every kernel here
 * keeps δ below 2^-80, so the bound is 0.5 + 2^-26 ulp. Results that are subnormal are
 * rounded once at 2^-1074 ({@link DoubleDouble#roundScaled}, with the exponential
 * computed scaled by 2^200 or 2^300), signed zeros follow the formula, saturation is
 * exact (above a threshold where the exact value is provably within a quarter ulp of the
 * saturated one, the kernel answers it without computing), and no intermediate overflows
 * for huge |x|.
 *
 * <p>
 * Non-finite inputs give what the float32 kernels give: NaN stays NaN, and gelu(-inf) and
 * silu(-inf) are NaN as numpy's {@code -inf·0} is.
 */
public final class Kernels64 {

	/** √(2/π) and 1/√(2π) as double-doubles. */
	private static final DoubleDouble SQRT_2_OVER_PI = new DoubleDouble(0x1.9884533d43651p-1, -0x1.cbc0d30ebfd15p-55);

	private static final DoubleDouble INV_SQRT_2PI = new DoubleDouble(0x1.9884533d43651p-2, -0x1.cbc0d30ebfd15p-56);

	/** Below this |x|, gelu and silu are x/2 + c·x² ({@link #tiny}). */
	private static final double TINY = 0x1p-60;

	/** gelu sums erf's series below |x| = 4 and erfc's continued fraction above. */
	private static final double SERIES_END = 4;

	private Kernels64() {
	}

	/** {@code x > 0 ? 1 : 0} (exact; NaN gives 0). */
	public static double step(double x) {
		return x > 0 ? 1 : 0;
	}

	/** The identity. */
	public static double linear(double x) {
		return x;
	}

	/**
	 * {@code np.maximum(0, x)} as numpy 2 computes it: 0 for x &lt; 0, otherwise x, so
	 * -0.0 stays -0.0 and NaN stays NaN. Exact and branch-free, as
	 * {@link Kernels32#relu}.
	 */
	public static double relu(double x) {
		long b = Double.doubleToRawLongBits(x);
		long nan = (0x7FF0000000000000L - (b & 0x7FFFFFFFFFFFFFFFL)) >> 63;
		long clear = (b >> 63) & ((b - 1) >> 63) & ~nan;
		return Double.longBitsToDouble(b & ~clear);
	}

	/**
	 * {@code x > 0 ? x : alpha·x}, correctly rounded (one product). -0.0 gives -0.0, NaN
	 * gives NaN.
	 */
	public static double leakyRelu(double x, double alpha) {
		return Math.max(x, -0.0) + alpha * Math.min(x, 0.0);
	}

	/**
	 * Logistic sigmoid {@code 1/(1 + e^-x)}: for x ≥ 0 as written, for x &lt; 0 as
	 * {@code e^x/(1 + e^x)}. Exactly 1 above x = 40 (from x ≈ 37.43 on, in fact);
	 * subnormal below x ≈ -708.4, +0 below x ≈ -745.13.
	 */
	public static double sigmoid(double x) {
		if (x >= 0) {
			if (x > 40) {
				return 1; // 1 - σ(x) < e^-40 < 2^-57
			}
			DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-x), 0);
			return DoubleDouble.ONE.divide(e.add(1)).doubleValue();
		}
		if (!(x >= -746)) {
			return (x != x) ? x : 0.0; // σ(x) < e^x < 2^-1076
		}
		int shift = (x < -700) ? 200 : 0;
		DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(x), shift);
		return e.divide(e.scalb(-shift).add(1)).roundScaled(-shift);
	}

	/**
	 * {@code tanh(x) = sign(x)·(-expm1(-2|x|))/(2 + expm1(-2|x|))}, odd, no cancellation
	 * (the double-double expm1 keeps its relative accuracy near 0). Exactly x below |x| =
	 * 2^-27 (the x³/3 term is under a quarter ulp), exactly ±1 above |x| = 22 (from 19.06
	 * on, in fact).
	 */
	public static double tanh(double x) {
		double a = Math.abs(x);
		if (a < 0x1p-27) {
			return x;
		}
		if (!(a <= 22)) {
			return (a > 22) ? Math.copySign(1.0, x) : x;
		}
		DoubleDouble m = DoubleDouble.expm1(DoubleDouble.of(-2 * a));
		return Math.copySign(m.negate().divide(m.add(2)).doubleValue(), x);
	}

	/**
	 * {@code x > 0 ? x : alpha·(e^x - 1)}: the double-double {@code e^x - 1} times alpha,
	 * rounded once (also when the product is subnormal). -0.0 gives -0.0 (as
	 * {@code expm1(-0.0)} is -0.0), exactly -alpha below x = -40 (from -37.43 on, in
	 * fact). An alpha that is 0, NaN or infinite gives {@code alpha·Math.expm1(x)}.
	 */
	public static double elu(double x, double alpha) {
		if (x > 0 || x != x) {
			return x;
		}
		if (x == 0 || !(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
			return alpha * Math.expm1(x);
		}
		if (x < -40) {
			return -alpha; // alpha·(1 - e^x) with e^x < 2^-57
		}
		int alphaExponent = exponent(alpha);
		double alphaMantissa = Math.scalb(alpha, -alphaExponent);
		if (x > -TINY) {
			// alpha·x·(1 + x/2): the product of the mantissas exactly, and the x/2 term
			// (or, where it is below 2^-200, its sign) to break a tie.
			int xExponent = exponent(x);
			DoubleDouble p = DoubleDouble.product(alphaMantissa, Math.scalb(x, -xExponent));
			double correction = p.hi() * Math.min(x, -0x1p-200) * 0.5;
			double lo = p.lo() + correction;
			if (lo == p.lo()) {
				lo = Math.nextUp(lo);
			}
			return new DoubleDouble(p.hi(), lo).roundScaled(alphaExponent + xExponent);
		}
		return DoubleDouble.expm1(DoubleDouble.of(x)).multiply(alphaMantissa).roundScaled(alphaExponent);
	}

	/**
	 * {@code silu(x) = x·σ(x)}: {@code x/(1 + e^-x)} for x ≥ 0, {@code x·e^x/(1 + e^x)}
	 * below. Exactly x above 40; -0.0 below x = -760 (|silu| &lt; 2^-1075 from x ≈
	 * -751.7).
	 */
	public static double silu(double x) {
		if (Math.abs(x) < TINY) {
			return tiny(x);
		}
		if (x >= 0) {
			if (x > 40) {
				return x;
			}
			DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(-x), 0);
			return DoubleDouble.of(x).divide(e.add(1)).doubleValue();
		}
		if (!(x >= -760)) {
			return (x != x || x == Double.NEGATIVE_INFINITY) ? Double.NaN : -0.0;
		}
		int shift = (x < -690) ? 200 : 0;
		DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(x), shift);
		return e.multiply(x).divide(e.scalb(-shift).add(1)).roundScaled(-shift);
	}

	/**
	 * {@code softplus(x) = ln(1 + e^x)}: {@code x + log1p(e^-x)} for x > 0,
	 * {@code log1p(e^x)} below; below x = -40, {@code e^x·(1 - e^x/2)}. Exactly x above
	 * 40; subnormal below x ≈ -708.4, +0 below x ≈ -745.13.
	 */
	public static double softplus(double x) {
		if (x > 0) {
			if (x > 40) {
				return x; // e^-x < 2^-57 < ulp(x)/2^10
			}
			return DoubleDouble.log1p(DoubleDouble.exp(DoubleDouble.of(-x), 0)).add(x).doubleValue();
		}
		if (!(x >= -746)) {
			return (x != x) ? x : 0.0;
		}
		if (x < -40) {
			int shift = (x < -700) ? 200 : 0;
			DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(x), shift);
			double y = Math.scalb(e.hi(), -shift);
			return e.multiply(new DoubleDouble(1, -0.5 * y)).roundScaled(-shift);
		}
		return DoubleDouble.log1p(DoubleDouble.exp(DoubleDouble.of(x), 0)).doubleValue();
	}

	/**
	 * {@code gelu(x) = x/2·(1 + erf(x/√2))} with a = |x|, in terms of exactly computed
	 * {@code a²/2} (no rounding of x/√2):
	 * <ul>
	 * <li>a &lt; 4: {@code erf(a/√2) = √(2/π)·a·e^-a²/2·S(a)}, S(a) = Σ a^2n/(2n+1)!!
	 * (positive terms, summed until below 2^-110 of the sum); gelu = x/2·(1 ± erf), which
	 * cancels at most 14 bits for x &lt; 0;</li>
	 * <li>a ≥ 4: {@code erfc(a/√2) = √(2/π)·e^-a²/2 / F(a)} with Laplace's continued
	 * fraction F(a) = a + 1/(a + 2/(a + 3/(a + …))), 1200/a² + 16 levels (truncation
	 * below 2^-85); gelu = x·(1 - erfc/2) for x > 0 and {@code -a/√(2π)·e^-a²/2 / F(a)}
	 * for x &lt; 0.</li>
	 * </ul>
	 * Exactly x from x = 10; -0.0 below x = -40 (subnormal from x ≈ -37.5).
	 */
	public static double gelu(double x) {
		double a = Math.abs(x);
		if (a < TINY) {
			return tiny(x);
		}
		if (x >= 10) {
			return x; // erfc(10/√2)/2 < 2^-76
		}
		if (!(x > -40)) {
			return (x != x || x == Double.NEGATIVE_INFINITY) ? Double.NaN : -0.0;
		}
		DoubleDouble aa = DoubleDouble.product(a, a);
		int shift = (a > 30) ? 300 : 0;
		DoubleDouble g = DoubleDouble.exp(aa.scalb(-1).negate(), shift);
		if (a < SERIES_END) {
			DoubleDouble t = DoubleDouble.ONE;
			DoubleDouble s = DoubleDouble.ONE;
			for (int n = 1; t.hi() > 0x1p-110 * s.hi(); n++) {
				t = t.multiply(aa).divide(2 * n + 1);
				s = s.add(t);
			}
			DoubleDouble erf = SQRT_2_OVER_PI.multiply(s).multiply(g).multiply(a);
			DoubleDouble bracket = (x > 0) ? erf.add(1) : erf.negate().add(1);
			return bracket.multiply(0.5 * x).doubleValue();
		}
		DoubleDouble f = DoubleDouble.of(a);
		for (int n = (int) (1200 / (a * a)) + 16; n >= 1; n--) {
			f = DoubleDouble.of(n).divide(f).add(a);
		}
		if (x > 0) {
			DoubleDouble half = INV_SQRT_2PI.multiply(g).divide(f);
			return half.negate().add(1).multiply(x).doubleValue();
		}
		return INV_SQRT_2PI.multiply(g).multiply(x).divide(f).roundScaled(-shift);
	}

	/**
	 * gelu and silu below |x| = 2^-60: the exact value is x/2 + c·x² (c = 1/√(2π), 1/4),
	 * which rounds to x/2 unless x/2 is a tie (x subnormal with an odd last bit); then
	 * the x² term sends it to the neighbour above. Zeros keep their sign.
	 */
	private static double tiny(double x) {
		double h = x * 0.5;
		if (h * 2 == x) {
			return h;
		}
		h = (x + Double.MIN_VALUE) * 0.5; // exact: the neighbour above the tie
		return (h == 0) ? -0.0 : h;
	}

	/** The binary exponent of a finite non-zero double, subnormals included. */
	private static int exponent(double v) {
		int e = Math.getExponent(v);
		return (e >= Double.MIN_EXPONENT) ? e : Math.getExponent(v * 0x1p64) - 64;
	}

	/** {@link #step} over {@code values[0, n)}. */
	public static void step(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = values[i] > 0 ? 1 : 0;
		}
	}

	/** The identity over {@code values[0, n)}: nothing to do. */
	public static void linear(double[] values, int n) {
	}

	/** {@link #relu} over {@code values[0, n)}. */
	public static void relu(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = relu(values[i]);
		}
	}

	/** {@link #leakyRelu} over {@code values[0, n)}. */
	public static void leakyRelu(double[] values, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			values[i] = leakyRelu(values[i], alpha);
		}
	}

	/** {@link #sigmoid} over {@code values[0, n)}. */
	public static void sigmoid(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = sigmoid(values[i]);
		}
	}

	/** {@link #tanh} over {@code values[0, n)}. */
	public static void tanh(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = tanh(values[i]);
		}
	}

	/** {@link #elu} over {@code values[0, n)}. */
	public static void elu(double[] values, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			values[i] = elu(values[i], alpha);
		}
	}

	/** {@link #silu} over {@code values[0, n)}. */
	public static void silu(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = silu(values[i]);
		}
	}

	/** {@link #softplus} over {@code values[0, n)}. */
	public static void softplus(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = softplus(values[i]);
		}
	}

	/** {@link #gelu} over {@code values[0, n)}. */
	public static void gelu(double[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = gelu(values[i]);
		}
	}

}
