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
 * formula ({@code x·…} keeps the sign of x), and saturation is exact: a float64 value
 * within 2^-44 relative of 1 rounds to exactly 1.0f. The exponentials use
 * {@link Math#exp} (a HotSpot intrinsic, under 1 ulp in float64); where {@code e^x - 1}
 * or {@code 1 - e^-2x} would cancel, a short Taylor polynomial takes over below a
 * threshold chosen so that the cancellation costs at most 2^10 of the float64 precision.
 *
 * <p>
 * Each array kernel is a plain counted loop over {@code values[0, n)}, one per
 * activation, so the JIT compiles each on its own; the piecewise-linear ones (relu,
 * leaky_relu, step) are branch-free so that the JIT vectorises them.
 */
public final class Kernels32 {

	/** 1/√2 rounded to float64. */
	private static final double SQRT1_2 = 0.7071067811865476;

	/** Below this |x|, Taylor polynomials replace {@code e^x - 1} and tanh. */
	private static final double SMALL = 0x1p-7;

	private Kernels32() {
	}

	/** {@code x > 0 ? 1 : 0} (exact; NaN gives 0). */
	public static float step(float x) {
		return x > 0f ? 1f : 0f;
	}

	/**
	 * {@code np.maximum(0, x)} as numpy 2 computes it: 0 for x < 0, otherwise x itself,
	 * so {@code -0.0} stays {@code -0.0} and NaN stays NaN (numpy's maximum propagates
	 * NaN). Exact. Written on the bits, without a data-dependent branch, so that the JIT
	 * vectorises the array loop: the result is cleared when the sign bit is set, unless
	 * the value is -0.0 (bits {@code 0x80000000}, the one negative pattern whose
	 * {@code bits - 1} is positive) or a NaN.
	 */
	public static float relu(float x) {
		int b = Float.floatToRawIntBits(x);
		int nan = (0x7F800000 - (b & 0x7FFFFFFF)) >> 31;
		int clear = (b >> 31) & ((b - 1) >> 31) & ~nan;
		return Float.intBitsToFloat(b & ~clear);
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
	 * Logistic sigmoid {@code 1 / (1 + e^-x)} in float64, rounded once. Exactly 1.0 from
	 * x ≈ 16.64 up and exactly 0 below x ≈ -103.97; subnormal between about -103.97 and
	 * -87.34.
	 */
	public static float sigmoid(float x) {
		return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
	}

	/**
	 * {@code tanh(x) = sign(x)·(1 - e^-2|x|)/(1 + e^-2|x|)} in float64; below |x| = 2^-7,
	 * where the subtraction would cancel, the Taylor series to x^11 (truncation below
	 * 2^-80 relative). Odd: tanh(-0.0) = -0.0. Exactly ±1 from |x| ≈ 9.01.
	 */
	public static float tanh(float x) {
		double a = Math.abs((double) x);
		double t;
		if (a < SMALL) {
			double s = a * a;
			t = a * (1
					+ s * (-1.0 / 3 + s * (2.0 / 15 + s * (-17.0 / 315 + s * (62.0 / 2835 + s * (-1382.0 / 155925))))));
		}
		else {
			double e = Math.exp(-2 * a);
			t = (1 - e) / (1 + e);
		}
		return (float) Math.copySign(t, x);
	}

	/**
	 * {@code x > 0 ? x : alpha·(e^x - 1)}: {@code e^x - 1} in float64 as
	 * {@code Math.exp(x) - 1} (relative error below 2^-45 for |x| ≥ 2^-7) or its Taylor
	 * series to x^7 below 2^-7. -0.0 gives -0.0. With alpha = 1, exactly -1 below x ≈
	 * -17.33.
	 */
	public static float elu(float x, double alpha) {
		if (x > 0f) {
			return x;
		}
		return (float) (alpha * expm1((double) x));
	}

	/** {@code e^x - 1} for x ≤ 0 in float64, relative error below 2^-45. */
	static double expm1(double x) {
		if (x > -SMALL) {
			return x * (1
					+ x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x / 5040))))));
		}
		return Math.exp(x) - 1;
	}

	/**
	 * {@code silu(x) = x / (1 + e^-x)} in float64, rounded once. -0.0 gives -0.0;
	 * subnormal from x ≈ -87.3 down and -0.0 below x ≈ -110.
	 */
	public static float silu(float x) {
		double d = x;
		if (Math.abs(d) < 0x1p-60) {
			return tiny(x);
		}
		return (float) (d / (1.0 + Math.exp(-d)));
	}

	/**
	 * gelu and silu below |x| = 2^-60: {@code x/2 + c·x²} (c = 1/√(2π), 1/4). The x² term
	 * is far below x/2's float64 ulp, but decides the rounding when x/2 is a float32 tie
	 * (x subnormal with an odd last bit): the next double above x/2 rounds as the exact
	 * value does. Zeros keep their sign.
	 */
	private static float tiny(float x) {
		return x == 0f ? x : (float) Math.nextUp(x * 0.5);
	}

	/**
	 * {@code softplus(x) = max(x, 0) + ln(1 + e^-|x|)} in float64 (no overflow, no
	 * cancellation), rounded once. Exactly x from x ≈ 16.64 up; exactly 0 below x ≈
	 * -103.97.
	 */
	public static float softplus(float x) {
		return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x))));
	}

	/**
	 * {@code gelu(x) = x/2·(1 + erf(x/√2)) = x/2·erfc(-x/√2)} in float64, rounded once,
	 * without cancellation on either side: with {@code z = |x|/√2} and
	 * {@code erfc(z) = e^-z²·g(z)} ({@link #erfcScaled}), {@code e^-z² = e^-x²/2} is
	 * computed from {@code x·x/2}, exact in float64, and
	 * <ul>
	 * <li>x < 0: {@code gelu = x/2·e^-x²/2·g(z)} (products only; -0.0 below x ≈
	 * -14.1),</li>
	 * <li>x ≥ 0: {@code gelu = x·(1 - e^-x²/2·g(z)/2)}, where the bracket is at least
	 * 1/2.</li>
	 * </ul>
	 */
	public static float gelu(float x) {
		double d = x;
		if (Math.abs(d) < 0x1p-60) {
			return tiny(x);
		}
		double half = 0.5 * Math.exp(-0.5 * (d * d)) * erfcScaled(Math.abs(d) * SQRT1_2);
		return (float) (d * (x < 0f ? half : 1 - half));
	}

	/**
	 * The complementary error function in float64, {@code erfc(z) = e^-z²·g(z)}
	 * ({@link #erfcScaled} below z = 11, its asymptotic series to the 10th term above,
	 * truncated below 2^-49), relative error below 2^-44 for z ≥ 0 until it underflows (z
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
	 * Below 11, one polynomial of degree 14 in {@code z - (k + 1/2)} per interval [k, k +
	 * 1), Chebyshev fits computed at 40 digits with mpmath ({@code chebyfit}); relative
	 * error below 2.1e-14 (2^-45) with the coefficients rounded to float64, plus the
	 * Horner evaluation's few float64 roundings.
	 */
	static double erfcScaled(double z) {
		if (!(z < 11)) {
			// 1/(z√π)·Σ (-1)^n (2n-1)!!/(2z²)^n, n ≤ 10; NaN stays NaN.
			double u = 1 / (2 * z * z);
			double s = 1;
			for (int n = 10; n >= 1; n--) {
				s = 1 - (2 * n - 1) * u * s;
			}
			return s / (z * 1.7724538509055159);
		}
		int k = (int) z;
		double t = z - (k + 0.5);
		int o = k * 15;
		double p = G[o + 14];
		for (int j = 13; j >= 0; j--) {
			p = p * t + G[o + j];
		}
		return p;
	}

	/** {@link #erfcScaled}'s coefficients, 15 per interval, constant term first. */
	private static final double[] G = {
			// [0, 1)
			0.6156903441929259, -0.5126888229028908, 0.359345932741729, -0.22201057097580584, 0.12417032360112708,
			-0.06397016564238375, 0.030728414545152388, -0.01388737903728351, 0.005946164661373942,
			-0.0024257678822668218, 0.0009468094538261967, -0.00035304238494647387, 0.00012760968579985548,
			-4.965777128676985e-05, 1.6681879114036536e-05,
			// [1, 2)
			0.3215854164543175, -0.16362291773256282, 0.07615103985547814, -0.03293090529915301, 0.013377340952957192,
			-0.00514595756566068, 0.0018861348817560994, -0.0006619297304232824, 0.00022330985450405092,
			-7.266219599461766e-05, 2.2865187808212496e-05, -6.957954859174092e-06, 2.06241304824337e-06,
			-6.409316664251228e-07, 1.7955431767928597e-07,
			// [2, 3)
			0.2108063640611436, -0.07434734678979472, 0.024937997086656914, -0.008001569382093874, 0.002467036815699688,
			-0.0007335909374729658, 0.00021101982436023977, -5.8868958345706055e-05, 1.5961851696601105e-05,
			-4.214357879841587e-06, 1.0852366992052668e-06, -2.7262986241901926e-07, 6.706690790495327e-08,
			-1.7022233265672403e-08, 4.010268793982498e-09,
			// [3, 4)
			0.1552936556088943, -0.041323577833252495, 0.010661133192510575, -0.0026730744396433895,
			0.0006526863268788441, -0.00015546891823837533, 3.618170436366868e-05, -8.237986344257561e-06,
			1.8371878077863912e-06, -4.017419077698321e-07, 8.622012306201682e-08, -1.816549302673174e-08,
			3.764843244262652e-09, -7.971848938959326e-10, 1.5981815899094853e-10,
			// [4, 5)
			0.12248480427384142, -0.026015928630939815, 0.005413125434612246, -0.0011045761167897924,
			0.00022126645452905542, -4.355082856423743e-05, 8.42924199769589e-06, -1.6054970094955342e-06,
			3.0112634847666476e-07, -5.565088037426874e-08, 1.0139600673471732e-08, -1.8216992653521709e-09,
			3.231038245561964e-10, -5.818989135079707e-11, 1.0057898592790231e-11,
			// [5, 6)
			0.10096221839949909, -0.017794764701022602, 0.00309101254387477, -0.0005294638064742448,
			8.948080413320836e-05, -1.4927753496688571e-05, 2.45938663390415e-06, -4.003220019841643e-07,
			6.440390432639011e-08, -1.0244570961466707e-08, 1.61176419749128e-09, -2.5083718520553676e-10,
			3.8642395102282254e-11, -6.020644244043726e-12, 9.0885011444589e-13,
			// [6, 7)
			0.08580567010489461, -0.01290545573188275, 0.0019202078476567217, -0.0002827364814093731,
			4.121035924789785e-05, -5.947658519220069e-06, 8.501929576678254e-07, -1.2040122686568643e-07,
			1.689624558513798e-08, -2.3501411010462704e-09, 3.2406708084006454e-10, -4.430490140101328e-11,
			6.0080035302232666e-12, -8.217706851108581e-13, 1.0964128690645036e-13,
			// [7, 8)
			0.07457369306287669, -0.009773771152362328, 0.0012704094201592168, -0.0001638003341121349,
			2.0953457159102523e-05, -2.659762167547099e-06, 3.350803008349612e-07, -4.190283178208199e-08,
			5.202265590260692e-09, -6.412978785989788e-10, 7.850651508082124e-11, -9.544578900575539e-12,
			1.1527440132819907e-12, -1.401655115083748e-13, 1.6706601419018122e-14,
			// [8, 9)
			0.06592512249998035, -0.007652084595846594, 0.0008824034352843002, -0.00010110359728669524,
			1.1511429173695336e-05, -1.3025797241140684e-06, 1.465005062422676e-07, -1.6378691727676305e-08,
			1.8204066342052566e-09, -2.0116343035557973e-10, 2.210353520633102e-11, -2.4150442051117906e-12,
			2.6243343911107645e-13, -2.867243239860376e-14, 3.0820337242053313e-15,
			// [9, 10)
			0.05906467835256389, -0.006150278396798648, 0.000637033582976738, -6.563957234642445e-05,
			6.7288228428528575e-06, -6.863021357289441e-07, 6.965085114270586e-08, -7.034014249051221e-09,
			7.069289430793333e-10, -7.070873542276112e-11, 7.039200005273689e-12, -6.974927065323716e-13,
			6.87982486502801e-14, -6.816132187007361e-15, 6.662421957907393e-16,
			// [10, 11)
			0.05349189974656412, -0.005049272417666123, 0.0004745393610698289, -4.4406084288612915e-05,
			4.137738019696626e-06, -3.839340327193428e-07, 3.5476892047861106e-08, -3.2647617761281047e-09,
			2.992233493555597e-10, -2.7314802740256345e-11, 2.4835862730253234e-12, -2.249306322546752e-13,
			2.0292952586327406e-14, -1.837558263382115e-15, 1.6451407443572904e-16, };

	/** {@link #step} over {@code values[0, n)}. */
	public static void step(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = values[i] > 0f ? 1f : 0f;
		}
	}

	/** {@link #relu} over {@code values[0, n)}. */
	public static void relu(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = relu(values[i]);
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
		for (int i = 0; i < n; i++) {
			values[i] = sigmoid(values[i]);
		}
	}

	/** {@link #tanh} over {@code values[0, n)}. */
	public static void tanh(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = tanh(values[i]);
		}
	}

	/** {@link #elu} over {@code values[0, n)}. */
	public static void elu(float[] values, int n, double alpha) {
		for (int i = 0; i < n; i++) {
			values[i] = elu(values[i], alpha);
		}
	}

	/** {@link #silu} over {@code values[0, n)}. */
	public static void silu(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = silu(values[i]);
		}
	}

	/** {@link #softplus} over {@code values[0, n)}. */
	public static void softplus(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = softplus(values[i]);
		}
	}

	/** {@link #gelu} over {@code values[0, n)}. */
	public static void gelu(float[] values, int n) {
		for (int i = 0; i < n; i++) {
			values[i] = gelu(values[i]);
		}
	}

}
