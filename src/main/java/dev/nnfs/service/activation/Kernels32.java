package dev.nnfs.service.activation;

/**
 * The element-wise activations in float32, each within 1 ulp of the correctly rounded
 * result for every float32 input (measured over all 2^32 patterns: see
 * {@code docs/numerics.md}, "Element-wise activations").
 *
 * <p>
 * Method: the smooth activations are evaluated in float64 and rounded once to float32.
 * When the float64 value has a relative error δ, the float32 result is within
 * {@code 0.5 + δ·2^24} ulp of the exact value; every kernel here keeps δ below 2^-44, so
 * the result is the correctly rounded one except when the exact value lies within 2^-20
 * ulp of a halfway point between two floats, and within 1 ulp always. Subnormal results
 * come out of the single rounding (the float64 value is normal), signed zeros follow the
 * formula, and saturation is exact: a float64 value within 2^-44 relative of 1 rounds to
 * exactly 1.0f.
 *
 * <p>
 * The exponential is this class's own ({@link #reduce}, {@link #expm1Reduced}):
 * {@code z = k·ln2 + r} with {@code k = rint(z/ln2)}, {@code |r| ≤ ln2/2}, r computed
 * with two fused multiply-adds against ln2 split in two doubles (error below 2^-54
 * absolute); {@code e^r - 1 = r·P(r)}, P of degree 10 (a Chebyshev fit of
 * {@code (e^r - 1)/r} on [-0.35, 0.35], relative error 2^-54.4 with the coefficients
 * rounded to float64); then {@code e^z = 2^k + 2^k·(e^r - 1)} and
 * {@code e^z - 1 = 2^k·(e^r - 1) + (2^k - 1)}, each one fused multiply-add, {@code 2^k}
 * made from its exponent bits. Relative error about 2^-51 for e^z (the fit, the reduction
 * and three roundings). For e^z - 1 there is no cancellation to amplify it, so no Taylor
 * branch is needed near 0: k = 0 leaves {@code r·P(r)} itself, exact in its leading term,
 * and otherwise the term {@code 2^k·(e^r - 1)} is at most 1.42 times the result (k = 1;
 * 0.71 for k = -1, less for larger |k|). Each activation adds a few float64 roundings to
 * that (its own formula in the array kernel below): δ below about 2^-48 for all of them,
 * with softplus's {@code ln(1 + e) = 2·atanh(e/(2 + e))} (a degree-9 polynomial in the
 * square, relative error 2^-53.3) and gelu's {@link #erfcScaledNear} (2^-51.1).
 *
 * <p>
 * Speed: C2 (JDK 17) vectorises a loop only when it has no calls, no branches, no
 * float32/float64 conversion and no move between a double's bits and a long, and when its
 * body is small enough to unroll. So each smooth kernel works on blocks of {@link #BLOCK}
 * values in three loops: a scalar one that widens the inputs to float64, clamps the
 * exponential's argument (so that 2^k stays a normal double; beyond the clamp the
 * activation has saturated) and makes k and 2^k; a vectorised one with the polynomials,
 * where branches are written as {@code Math.min}/{@code Math.max} and 0/1 factors (three
 * for gelu, too large as one); and a scalar one that rounds to float32 (and for gelu and
 * silu hands zeros, |x| < 2^-60, infinities and NaN to {@link #edge}). The smooth
 * kernels' single-value methods run the array kernel on one value, so both give the same
 * bits. The piecewise-linear ones (relu, leaky_relu, step) are branch-free single loops.
 */
public final class Kernels32 {

	/**
	 * Values per block of the array kernels: four float64 scratch arrays of it fit L1.
	 */
	private static final int BLOCK = 512;

	/** 1/√2 rounded to float64. */
	private static final double SQRT1_2 = 0.7071067811865476;

	private static final double INV_LN2 = 1.4426950408889634;

	/** ln 2 = LN2_HI + LN2_LO to about 2^-106. */
	private static final double LN2_HI = 0.6931471805599453;

	private static final double LN2_LO = 2.3190468138462996e-17;

	/** 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer. */
	private static final double SHIFT = 0x1.8p52;

	/** The largest exponential argument: k ≤ 1023, e^z ≈ 8.2e307 finite. */
	private static final double EXP_MAX = 709;

	/** A factor that takes every nonzero float32 (≥ 2^-149) beyond 1 in magnitude. */
	private static final double HUGE = 0x1p1000;

	/** (e^r - 1)/r, |r| ≤ 0.35: Chebyshev fit (mpmath), constant term first. */
	private static final double P0 = 1.0, P1 = 0.5000000000000007, P2 = 0.1666666666666667, P3 = 0.04166666666656548,
			P4 = 0.008333333333325551, P5 = 0.001388888893514123, P6 = 0.00019841269876840357,
			P7 = 2.4801501014878055e-05, P8 = 2.755725286336732e-06, P9 = 2.762773069846965e-07,
			P10 = 2.5106262550879078e-08;

	/** atanh(√w)/√w, 0 ≤ w ≤ 1/9: Chebyshev fit (mpmath), constant term first. */
	private static final double A0 = 1.0, A1 = 0.33333333333341286, A2 = 0.199999999976438, A3 = 0.1428571455582858,
			A4 = 0.11111095430673142, A5 = 0.09091429900236955, A6 = 0.07681838124445817, A7 = 0.06795652742789947,
			A8 = 0.04940394524382393, A9 = 0.08890381913056651;

	private Kernels32() {
	}

	/** {@code x > 0 ? 1 : 0} (exact; NaN gives 0). */
	public static float step(float x) {
		return x > 0f ? 1f : 0f;
	}

	/**
	 * {@code np.maximum(0, x)} as numpy 2 computes it: 0 for x < 0, otherwise x itself,
	 * so {@code -0.0} stays {@code -0.0} and NaN stays NaN (numpy's maximum propagates
	 * NaN). Exact. Written as float arithmetic the JIT vectorises:
	 * {@code max(x, -0)·(2m + 1)} with {@code m = min(max(x·2^200, -1), -0)}, which is -1
	 * for x < 0 (so the -0 that max gives becomes +0) and -0 otherwise (a factor of 1);
	 * NaN propagates through every step.
	 */
	public static float relu(float x) {
		float m = Math.min(Math.max(x * 0x1p100f * 0x1p100f, -1f), -0f);
		return Math.max(x, -0f) * (2 * m + 1);
	}

	/**
	 * {@code x > 0 ? x : alpha·x}: the product in float64 (exact to 2^-53) rounded once,
	 * within 1 ulp of {@code alpha·x} rounded (correctly rounded but for double-rounding
	 * ties). -0.0 gives -0.0, NaN gives NaN.
	 */
	public static float leakyRelu(float x, double alpha) {
		float positive = Math.max(x, -0f);
		float negative = (float) (alpha * Math.min(x, 0f));
		return positive + negative;
	}

	/**
	 * Logistic sigmoid {@code 1 / (1 + e^-x)} in float64, rounded once (argument of e
	 * clamped to [-40, 709], where the result is 1 or 0 in float32). Exactly 1.0 from x ≈
	 * 17.33 up and exactly 0 below x ≈ -103.97; subnormal between about -103.97 and
	 * -87.34.
	 */
	public static float sigmoid(float x) {
		float[] v = { x };
		sigmoid(v, 1);
		return v[0];
	}

	/**
	 * {@code tanh(x) = -(e^-2x - 1)/((e^-2x - 1) + 2)} in float64 with {@code e^-2x - 1}
	 * from {@link #expm1Reduced} (no cancellation near 0, so no Taylor branch), argument
	 * clamped to [-40, 40]. Odd: tanh(-0.0) = -0.0. Exactly ±1 from |x| ≈ 9.01.
	 */
	public static float tanh(float x) {
		float[] v = { x };
		tanh(v, 1);
		return v[0];
	}

	/**
	 * {@code x > 0 ? x : alpha·(e^x - 1)} as {@code max(x, -0) + alpha·(e^z - 1)} with
	 * {@code z = max(min(x, -0), -40)} (e^z - 1 is -0 for x ≥ 0, and -1 in float64 below
	 * -40). -0.0 gives -0.0. With alpha = 1, exactly -1 below x ≈ -17.33.
	 */
	public static float elu(float x, double alpha) {
		float[] v = { x };
		elu(v, 1, alpha);
		return v[0];
	}

	/**
	 * {@code silu(x) = x / (1 + e^-x)} in float64, rounded once (argument of e clamped to
	 * [-40, 709]). -0.0 gives -0.0; subnormal from x ≈ -87.3 down and -0.0 below x ≈
	 * -108.66; +inf gives +inf and -inf NaN (∞·0).
	 */
	public static float silu(float x) {
		float[] v = { x };
		silu(v, 1);
		return v[0];
	}

	/**
	 * gelu and silu below |x| = 2^-60: {@code x/2 + c·x²} (c = 1/√(2π), 1/4). The x² term
	 * is far below x/2's float64 ulp, but decides the rounding when x/2 is a float32 tie
	 * (x subnormal with an odd last bit): the next double above x/2 rounds as the exact
	 * value does. Zeros keep their sign. Infinities: x·1 for +∞, ∞·0 = NaN for -∞.
	 */
	private static float edge(float x) {
		if (Math.abs(x) < 0x1p-60f) {
			return x == 0f ? x : (float) Math.nextUp(x * 0.5);
		}
		return x > 0f ? x : Float.NaN;
	}

	/** Whether gelu and silu take {@link #edge} for x: |x| < 2^-60, infinite or NaN. */
	private static boolean isEdge(float x) {
		float a = Math.abs(x);
		return !(a >= 0x1p-60f && a < Float.POSITIVE_INFINITY);
	}

	/**
	 * {@code softplus(x) = max(x, 0) + ln(1 + e^-|x|)} in float64 (no overflow, no
	 * cancellation), rounded once: {@code ln(1 + e) = 2·atanh(s)}, {@code s = e/(2 + e)
	 * ≤ 1/3}, with {@code atanh(s)/s} a polynomial in s²; e^-|x| with its argument
	 * clamped at -120. Exactly x from x ≈ 16.64 up; exactly 0 below x ≈ -103.97.
	 */
	public static float softplus(float x) {
		float[] v = { x };
		softplus(v, 1);
		return v[0];
	}

	/**
	 * {@code gelu(x) = x/2·(1 + erf(x/√2)) = x/2·erfc(-x/√2)} in float64, rounded once,
	 * without cancellation on either side: with {@code z = |x|/√2} and
	 * {@code erfc(z) = e^-z²·g(z)} ({@link #erfcScaled}), {@code e^-z² = e^-x²/2} is
	 * computed from {@code x·x/2}, exact in float64, and
	 * <ul>
	 * <li>x < 0: {@code gelu = x/2·e^-x²/2·g(z)} (products only; -0.0 below x ≈
	 * -14.36),</li>
	 * <li>x ≥ 0: {@code gelu = x·(1 - e^-x²/2·g(z)/2)}, where the bracket is at least
	 * 1/2.</li>
	 * </ul>
	 * |x| is clamped at 37 for the exponential (e^-684.5, the result is -0.0 or x) and z
	 * at 10.5 for g (beyond x ≈ 14.85 the product is below float32's range or under its
	 * half ulp at 1).
	 */
	public static float gelu(float x) {
		float[] v = { x };
		gelu(v, 1);
		return v[0];
	}

	/**
	 * The complementary error function in float64, {@code erfc(z) = e^-z²·g(z)}
	 * ({@link #erfcScaled}), relative error below 2^-44 for z ≥ 0 until it underflows (z
	 * ≈ 27.2; the rounding of z² costs 2z²·2^-53 relative). For z < 0,
	 * {@code 2 - erfc(-z)}.
	 */
	public static double erfc(double z) {
		if (z < 0) {
			return 2 - erfc(-z);
		}
		return Math.exp(-z * z) * erfcScaled(z);
	}

	/**
	 * The scaled complementary error function {@code g(z) = e^z²·erfc(z)} for z ≥ 0.
	 * Below 10.5, {@link #erfcScaledNear}; above, its asymptotic series to the 10th term
	 * (truncated below 2^-49).
	 */
	static double erfcScaled(double z) {
		if (!(z < 10.5)) {
			// 1/(z√π)·Σ (-1)^n (2n-1)!!/(2z²)^n, n ≤ 10; NaN stays NaN.
			double u = 1 / (2 * z * z);
			double s = 1;
			for (int n = 10; n >= 1; n--) {
				s = 1 - (2 * n - 1) * u * s;
			}
			return s / (z * 1.7724538509055159);
		}
		return erfcScaledNear(z);
	}

	/**
	 * {@code g(z) = e^z²·erfc(z)} for 0 ≤ z ≤ 10.5: one polynomial of degree 20 in
	 * {@code t = (z - 4)/(z + 4)} (t in [-1, 0.45]; the map takes g's singularity at
	 * infinity away from the interval), a Chebyshev fit computed at 30 digits with mpmath
	 * ({@code chebyfit}); relative error below 2^-51.1 (4.0e-16) measured with the
	 * float64 evaluation of t and of the polynomial.
	 */
	private static double erfcScaledNear(double z) {
		double t = (z - 4) / (z + 4);
		double p = -2.8871269944306786e-09;
		p = Math.fma(p, t, -5.8404476055837166e-09);
		p = Math.fma(p, t, 4.2716410691534594e-08);
		p = Math.fma(p, t, 1.0416161642017391e-07);
		p = Math.fma(p, t, -2.917931740518519e-07);
		p = Math.fma(p, t, -4.1781246705325276e-07);
		p = Math.fma(p, t, 2.943972078571712e-06);
		p = Math.fma(p, t, -1.9002519661666727e-06);
		p = Math.fma(p, t, -2.25550671539258e-05);
		p = Math.fma(p, t, 7.898274912597037e-05);
		p = Math.fma(p, t, -2.1761962519679174e-05);
		p = Math.fma(p, t, -0.000799126787173351);
		p = Math.fma(p, t, 0.004060263652348006);
		p = Math.fma(p, t, -0.012843946031325014);
		p = Math.fma(p, t, 0.03129905651693135);
		p = Math.fma(p, t, -0.06310781563980628);
		p = Math.fma(p, t, 0.10896317739895875);
		p = Math.fma(p, t, -0.1642578166973069);
		p = Math.fma(p, t, 0.21871967891826424);
		p = Math.fma(p, t, -0.25906804876017164);
		return Math.fma(p, t, 0.13699945762506138);
	}

	// The exponential, in two halves: reduce (scalar) and expm1Reduced (vectorised).

	/**
	 * Stores the clamped argument {@code z}, {@code k = rint(z/ln2)} and {@code 2^k} at
	 * index i (|z| ≤ 709: k in [-1023, 1023], 2^k a normal double). Scalar: the exponent
	 * bits are the one step C2 does not vectorise.
	 */
	private static void reduce(double z, double[] zs, double[] ks, double[] ss, int i) {
		double t = z * INV_LN2 + SHIFT;
		zs[i] = z;
		ks[i] = t - SHIFT;
		// t's low bits hold k; shifted into the exponent field with its bias.
		ss[i] = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
	}

	/** {@code e^r - 1 = r·P(r)} for {@code r = z - k·ln2}. */
	private static double expm1Reduced(double z, double k) {
		double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, z));
		double p = Math.fma(P10, r, P9);
		p = Math.fma(p, r, P8);
		p = Math.fma(p, r, P7);
		p = Math.fma(p, r, P6);
		p = Math.fma(p, r, P5);
		p = Math.fma(p, r, P4);
		p = Math.fma(p, r, P3);
		p = Math.fma(p, r, P2);
		p = Math.fma(p, r, P1);
		p = Math.fma(p, r, P0);
		return r * p;
	}

	/** e^z from s = 2^k and q = e^r - 1. */
	private static double exp(double s, double q) {
		return Math.fma(s, q, s);
	}

	/**
	 * e^z - 1 from s = 2^k and q = e^r - 1. {@code -(1 - s)} rather than {@code s - 1} so
	 * that k = 0 gives -0 and the result keeps q's sign when q is a zero.
	 */
	private static double expm1(double s, double q) {
		return Math.fma(s, q, -(1 - s));
	}

	/** Scratch for one array kernel call: float64 blocks of at most {@link #BLOCK}. */
	private static final class Scratch {

		final double[] x;

		final double[] z;

		final double[] k;

		final double[] s;

		Scratch(int n) {
			int size = Math.min(n, BLOCK);
			this.x = new double[size];
			this.z = new double[size];
			this.k = new double[size];
			this.s = new double[size];
		}

	}

	/**
	 * {@link #step} over {@code values[0, n)}, without a data-dependent branch:
	 * {@code x·2^200} is at least 2^51 for every positive float, and Java's float-to-int
	 * conversion saturates and takes NaN to 0, so {@code min(max((int) (x·2^200), 0), 1)}
	 * is 1 for x > 0 and 0 otherwise (+0.0 as a float).
	 */
	public static void step(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = Math.min(Math.max((int) (values[i] * 0x1p100f * 0x1p100f), 0), 1);
		}
	}

	/** {@link #relu} over {@code values[0, n)}. */
	public static void relu(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			float x = values[i];
			float m = Math.min(Math.max(x * 0x1p100f * 0x1p100f, -1f), -0f);
			values[i] = Math.max(x, -0f) * (2 * m + 1);
		}
	}

	/** {@link #leakyRelu} over {@code values[0, n)}. */
	public static void leakyRelu(float[] values, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			values[i] = leakyRelu(values[i], alpha);
		}
	}

	/** {@link #sigmoid} over {@code values[0, n)}. */
	public static void sigmoid(float[] values, int n) {
		Scratch b = new Scratch(n);
		double[] z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				reduce(Math.min(Math.max(-(double) values[from + i], -40), EXP_MAX), z, k, s, i);
			}
			for (int i = 0; i < m; i++) {
				z[i] = 1 / (1 + exp(s[i], expm1Reduced(z[i], k[i])));
			}
			for (int i = 0; i < m; i++) {
				values[from + i] = (float) z[i];
			}
		}
	}

	/** {@link #tanh} over {@code values[0, n)}. */
	public static void tanh(float[] values, int n) {
		Scratch b = new Scratch(n);
		double[] z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				reduce(Math.min(Math.max(-2 * (double) values[from + i], -40), 40), z, k, s, i);
			}
			for (int i = 0; i < m; i++) {
				double e = expm1(s[i], expm1Reduced(z[i], k[i]));
				z[i] = -e / (e + 2);
			}
			for (int i = 0; i < m; i++) {
				values[from + i] = (float) z[i];
			}
		}
	}

	/** {@link #elu} over {@code values[0, n)}. */
	public static void elu(float[] values, int n, double alpha) {
		Scratch b = new Scratch(n);
		double[] x = b.x, z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				double d = values[from + i];
				x[i] = d;
				reduce(Math.max(Math.min(d, -0.0), -40), z, k, s, i);
			}
			for (int i = 0; i < m; i++) {
				double e = expm1(s[i], expm1Reduced(z[i], k[i]));
				z[i] = Math.max(x[i], -0.0) + alpha * e;
			}
			for (int i = 0; i < m; i++) {
				values[from + i] = (float) z[i];
			}
		}
	}

	/** {@link #silu} over {@code values[0, n)}. */
	public static void silu(float[] values, int n) {
		Scratch b = new Scratch(n);
		double[] x = b.x, z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				double d = values[from + i];
				x[i] = d;
				reduce(Math.min(Math.max(-d, -40), EXP_MAX), z, k, s, i);
			}
			for (int i = 0; i < m; i++) {
				z[i] = x[i] / (1 + exp(s[i], expm1Reduced(z[i], k[i])));
			}
			for (int i = 0; i < m; i++) {
				float v = values[from + i];
				values[from + i] = isEdge(v) ? edge(v) : (float) z[i];
			}
		}
	}

	/** {@link #softplus} over {@code values[0, n)}. */
	public static void softplus(float[] values, int n) {
		Scratch b = new Scratch(n);
		double[] x = b.x, z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				double d = values[from + i];
				x[i] = d;
				reduce(Math.max(-Math.abs(d), -120), z, k, s, i);
			}
			for (int i = 0; i < m; i++) {
				double e = exp(s[i], expm1Reduced(z[i], k[i]));
				double a = e / (2 + e);
				double w = a * a;
				double p = Math.fma(A9, w, A8);
				p = Math.fma(p, w, A7);
				p = Math.fma(p, w, A6);
				p = Math.fma(p, w, A5);
				p = Math.fma(p, w, A4);
				p = Math.fma(p, w, A3);
				p = Math.fma(p, w, A2);
				p = Math.fma(p, w, A1);
				p = Math.fma(p, w, A0);
				z[i] = Math.max(x[i], 0.0) + 2 * a * p;
			}
			for (int i = 0; i < m; i++) {
				values[from + i] = (float) z[i];
			}
		}
	}

	/** {@link #gelu} over {@code values[0, n)}. */
	public static void gelu(float[] values, int n) {
		Scratch b = new Scratch(n);
		double[] x = b.x, z = b.z, k = b.k, s = b.s;
		for (int from = 0; from < n; from += BLOCK) {
			int m = Math.min(BLOCK, n - from);
			for (int i = 0; i < m; i++) {
				double d = values[from + i];
				double a = Math.min(Math.abs(d), 37);
				x[i] = d;
				reduce(-0.5 * (a * a), z, k, s, i);
			}
			// Three loops, each small enough for C2 to unroll and vectorise.
			for (int i = 0; i < m; i++) {
				s[i] = exp(s[i], expm1Reduced(z[i], k[i]));
			}
			for (int i = 0; i < m; i++) {
				k[i] = erfcScaledNear(Math.min(Math.abs(x[i]) * SQRT1_2, 10.5));
			}
			for (int i = 0; i < m; i++) {
				double d = x[i];
				double half = 0.5 * s[i] * k[i];
				// 1 for x < 0, 0 for x > 0 (x = 0 is an edge).
				double negative = Math.min(Math.max(-d * HUGE, 0), 1);
				z[i] = d * (negative * half + (1 - negative) * (1 - half));
			}
			for (int i = 0; i < m; i++) {
				float v = values[from + i];
				values[from + i] = isEdge(v) ? edge(v) : (float) z[i];
			}
		}
	}

}
