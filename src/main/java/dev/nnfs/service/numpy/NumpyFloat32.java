package dev.nnfs.service.numpy;

/**
 * numpy's float32 {@code exp}, {@code log} and {@code add.reduce}, reproduced bit for bit
 * in plain Java.
 *
 * <p>
 * On x86-64 with AVX512F numpy does not call the C library for float32
 * {@code np.exp}/{@code np.log}: it runs its own SIMD kernels {@code simd_exp_FLOAT} and
 * {@code simd_log_FLOAT}
 * ({@code numpy/_core/src/umath/loops_exponent_log.dispatch.c.src}, the
 * {@code SIMD_AVX512F} variant; constants from {@code npy_simd_data.h}). Their results
 * are not always correctly rounded: {@code (float) Math.exp(-1)} is 1 ulp above numpy's,
 * which changes softmax([1, 2, 3]). The methods below do, lane by lane, exactly the
 * float32 operations of those kernels: every {@code _mm512_fmadd_ps} is a
 * {@link Math#fma(float, float, float)}, every {@code add}, {@code mul} and {@code div} a
 * float32 operation, {@code _mm512_scalef_ps} a {@link Math#scalb(float, int)} (one
 * rounding, also for denormal results). SIMD lanes are independent, so the result for an
 * element does not depend on its neighbours or on the array length. Checked bit for bit
 * against numpy 2.4.6 on AVX512F for every float32 bit pattern.
 *
 * <p>
 * This behaviour is frozen to that x86-64 code path. numpy's AVX2+FMA3 variant of the
 * same kernels (CPUs without AVX512F) differs only in how it scales by 2^k and extracts
 * exponent and mantissa; numpy on other CPUs (AArch64, x86 without AVX2) uses other code
 * and may differ in the last bit.
 */
public final class NumpyFloat32 {

	/** {@code xmax} of simd_exp_FLOAT: x at or above it gives +inf. */
	static final float EXP_XMAX = 88.72283935546875f;

	/** {@code xmin} of simd_exp_FLOAT: x at or below it gives +0. */
	static final float EXP_XMIN = -103.97208404541015625f;

	/**
	 * {@link #exp}'s fast path covers [FAST_EXP_MIN, FAST_EXP_MAX], where 2^q is normal.
	 */
	static final float FAST_EXP_MIN = -87.0f;

	static final float FAST_EXP_MAX = 88.0f;

	// npy_simd_data.h / npy_math.h, as float32 bit patterns.
	private static final float LOG2E = Float.intBitsToFloat(0x3FB8AA3B); // NPY_LOG2Ef

	private static final float RINT_CVT_MAGIC = 0x1.8p23f; // NPY_RINT_CVT_MAGICf

	private static final float CODY_WAITE_LOGE_2_HIGH = -6.93145752e-1f;

	private static final float CODY_WAITE_LOGE_2_LOW = -1.42860677e-6f;

	private static final float EXP_P0 = 9.999999999980870924916e-01f;

	private static final float EXP_P1 = 7.257664613233124478488e-01f;

	private static final float EXP_P2 = 2.473615434895520810817e-01f;

	private static final float EXP_P3 = 5.114512081637298353406e-02f;

	private static final float EXP_P4 = 6.757896990527504603057e-03f;

	private static final float EXP_P5 = 5.082762527590693718096e-04f;

	private static final float EXP_Q0 = 1.000000000000000000000e+00f;

	private static final float EXP_Q1 = -2.742335390411667452936e-01f;

	private static final float EXP_Q2 = 2.159509375685829852307e-02f;

	private static final float LOG_P0 = 0.000000000000000000000e+00f;

	private static final float LOG_P1 = 9.999999999999998702752e-01f;

	private static final float LOG_P2 = 2.112677543073053063722e+00f;

	private static final float LOG_P3 = 1.480000633576506585156e+00f;

	private static final float LOG_P4 = 3.808837741388407920751e-01f;

	private static final float LOG_P5 = 2.589979117907922693523e-02f;

	private static final float LOG_Q0 = 1.000000000000000000000e+00f;

	private static final float LOG_Q1 = 2.612677543073109236779e+00f;

	private static final float LOG_Q2 = 2.453006071784736363091e+00f;

	private static final float LOG_Q3 = 9.864942958519418960339e-01f;

	private static final float LOG_Q4 = 1.546476374983906719538e-01f;

	private static final float LOG_Q5 = 5.875095403124574342950e-03f;

	private static final float LOGE2 = (float) 0.693147180559945309417232121458176568; // NPY_LOGE2f

	private static final float SQRT1_2 = (float) 0.707106781186547524400844362104849039; // NPY_SQRT1_2f

	/**
	 * {@code -NPY_NANF}: what numpy's log gives for x &lt; 0 (a NaN input stays +NaN).
	 */
	private static final float NEGATIVE_NAN = Float.intBitsToFloat(0xFFC00000);

	/** Block size of numpy's pairwise summation ({@code PW_BLOCKSIZE}). */
	private static final int PW_BLOCKSIZE = 128;

	private NumpyFloat32() {
	}

	/**
	 * {@code np.exp} of one float32, as numpy's AVX512F {@code simd_exp_FLOAT} computes
	 * it: {@code q = rint(x * log2e)} (by adding and subtracting 1.5 * 2^23),
	 * {@code r = fma(q, c2, fma(q, c1, x))} (Cody-Waite with c1 + c2 = -ln 2),
	 * {@code e^r = P5(r) / Q2(r)} (Horner with FMA), result {@code scalef(e^r, q)}. NaN
	 * gives NaN, {@code x >= 88.72283935546875} (and +inf) gives +inf,
	 * {@code x <= -103.97208404541015625} (and -inf) gives +0; results below 2^-126 are
	 * denormals rounded once.
	 *
	 * <p>
	 * For {@code -87 <= x <= 88} (every softmax term but the vanishing ones) {@code q}
	 * lies in [-126, 127], so {@code 2^q} is a normal float built from its exponent bits,
	 * and {@code e^r * 2^q} in float32 is the one rounding {@code scalef} makes: the same
	 * bits in two fifths less time than {@code Math.scalb} behind the range checks
	 * ({@code NumpyFloat32Tests} sweeps the range against the general path).
	 */
	public static float exp(float x) {
		if (x >= FAST_EXP_MIN && x <= FAST_EXP_MAX) {
			float q = quadrant(x);
			return expPolynomial(reduced(x, q)) * Float.intBitsToFloat(((int) q + 127) << 23);
		}
		return expGeneral(x);
	}

	/** {@link #exp} through its range checks and {@code Math.scalb}, for any x. */
	static float expGeneral(float x) {
		if (x != x) {
			return Float.NaN;
		}
		if (x >= EXP_XMAX) {
			return Float.POSITIVE_INFINITY;
		}
		if (x <= EXP_XMIN) {
			return 0.0f;
		}
		float q = quadrant(x);
		return Math.scalb(expPolynomial(reduced(x, q)), (int) q);
	}

	/** {@code q = rint(x * log2e)}, by adding and subtracting 1.5 * 2^23. */
	private static float quadrant(float x) {
		return x * LOG2E + RINT_CVT_MAGIC - RINT_CVT_MAGIC;
	}

	/** {@code r = x - q ln 2} (Cody-Waite), as numpy computes it. */
	private static float reduced(float x, float q) {
		float r = Math.fma(q, CODY_WAITE_LOGE_2_HIGH, x);
		r = Math.fma(q, CODY_WAITE_LOGE_2_LOW, r);
		return Math.fma(q, 0.0f, r);
	}

	/** {@code e^r = P5(r) / Q2(r)} for the reduced argument. */
	private static float expPolynomial(float r) {
		float num = Math.fma(EXP_P5, r, EXP_P4);
		num = Math.fma(num, r, EXP_P3);
		num = Math.fma(num, r, EXP_P2);
		num = Math.fma(num, r, EXP_P1);
		num = Math.fma(num, r, EXP_P0);
		float denom = Math.fma(EXP_Q2, r, EXP_Q1);
		denom = Math.fma(denom, r, EXP_Q0);
		return num / denom;
	}

	/**
	 * {@code np.log} of one float32, as numpy's AVX512F {@code simd_log_FLOAT} computes
	 * it: {@code x = m * 2^k} with m in [0.5, 1) ({@code getmant}/{@code getexp},
	 * denormals included); if {@code m <= sqrt(1/2)} then {@code m = m + m, k = k - 1};
	 * {@code log = fma(k, ln 2, P5(m - 1) / Q5(m - 1))}. NaN gives +NaN, x &lt; 0
	 * (including -inf) gives -NaN, +-0 gives -inf, +inf gives +inf.
	 */
	public static float log(float x) {
		if (x != x) {
			return Float.NaN;
		}
		if (x < 0.0f) {
			return NEGATIVE_NAN;
		}
		if (x == 0.0f) {
			return Float.NEGATIVE_INFINITY;
		}
		if (x == Float.POSITIVE_INFINITY) {
			return Float.POSITIVE_INFINITY;
		}
		// getexp + 1 and getmant(_MM_MANT_NORM_p5_1): x = m * 2^k, 0.5 <= m < 1.
		int k = Math.getExponent(x) + 1;
		if (k == Float.MIN_EXPONENT) { // denormal: getExponent gives MIN_EXPONENT - 1
			k = Math.getExponent(x * 0x1p100f) + 1 - 100;
		}
		float m = Math.scalb(x, -k);
		float exponent = k;
		if (m <= SQRT1_2) {
			m = m + m;
			exponent = exponent - 1.0f;
		}
		float y = m - 1.0f;
		float num = Math.fma(LOG_P5, y, LOG_P4);
		num = Math.fma(num, y, LOG_P3);
		num = Math.fma(num, y, LOG_P2);
		num = Math.fma(num, y, LOG_P1);
		num = Math.fma(num, y, LOG_P0);
		float denom = Math.fma(LOG_Q5, y, LOG_Q4);
		denom = Math.fma(denom, y, LOG_Q3);
		denom = Math.fma(denom, y, LOG_Q2);
		denom = Math.fma(denom, y, LOG_Q1);
		denom = Math.fma(denom, y, LOG_Q0);
		return Math.fma(exponent, LOGE2, num / denom);
	}

	/**
	 * {@code np.sum} of {@code n} contiguous float32 starting at {@code offset}, in
	 * numpy's order for a C-contiguous reduction along the last axis: the identity 0 plus
	 * numpy's pairwise sum of all n elements ({@code FLOAT_pairwise_sum}: fewer than 8
	 * elements are added left to right; up to 128 go into 8 interleaved accumulators
	 * combined as {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, then the remainder left to
	 * right; longer runs are split in two at {@code n/2} rounded down to a multiple of 8,
	 * and the halves added).
	 */
	public static float sum(float[] values, int offset, int n) {
		return 0.0f + pairwiseSum(values, offset, n, false);
	}

	/**
	 * {@code np.sum(np.exp(a))} of {@code n} contiguous float32 starting at
	 * {@code offset}: {@link #sum(float[], int, int)} of their {@link #exp(float)},
	 * without storing the exps.
	 */
	public static float sumExp(float[] values, int offset, int n) {
		return 0.0f + pairwiseSum(values, offset, n, true);
	}

	private static float term(float[] a, int i, boolean exp) {
		return exp ? exp(a[i]) : a[i];
	}

	private static float pairwiseSum(float[] a, int off, int n, boolean exp) {
		if (n < 8) {
			float res = -0.0f;
			for (int i = 0; i < n; i++) {
				res += term(a, off + i, exp);
			}
			return res;
		}
		if (n <= PW_BLOCKSIZE) {
			float r0 = term(a, off, exp);
			float r1 = term(a, off + 1, exp);
			float r2 = term(a, off + 2, exp);
			float r3 = term(a, off + 3, exp);
			float r4 = term(a, off + 4, exp);
			float r5 = term(a, off + 5, exp);
			float r6 = term(a, off + 6, exp);
			float r7 = term(a, off + 7, exp);
			int i = 8;
			int end = n - (n % 8);
			for (; i < end; i += 8) {
				int p = off + i;
				r0 += term(a, p, exp);
				r1 += term(a, p + 1, exp);
				r2 += term(a, p + 2, exp);
				r3 += term(a, p + 3, exp);
				r4 += term(a, p + 4, exp);
				r5 += term(a, p + 5, exp);
				r6 += term(a, p + 6, exp);
				r7 += term(a, p + 7, exp);
			}
			float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
			for (; i < n; i++) {
				res += term(a, off + i, exp);
			}
			return res;
		}
		int n2 = n / 2;
		n2 -= n2 % 8;
		return pairwiseSum(a, off, n2, exp) + pairwiseSum(a, off + n2, n - n2, exp);
	}

}
