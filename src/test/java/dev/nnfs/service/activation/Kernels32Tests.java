package dev.nnfs.service.activation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every element-wise activation, through the catalogue's float[] path, within 1 ulp of
 * the correctly rounded float32 result ({@link Accuracy32}, against the independent
 * {@link Reference32}): every 2039th float32 bit pattern (2.1 million, both signs, all
 * binades) plus the edges. The exhaustive run over all 2^32 patterns is
 * {@link Kernels32ExhaustiveTests} ({@code ./mvnw -Pexhaustive test}).
 */
class Kernels32Tests {

	static final int STRIDE = 2039;

	static Stream<Arguments> activations() {
		return Stream.of(Arguments.of("step", null), Arguments.of("linear", null), Arguments.of("relu", null),
				Arguments.of("leaky_relu", null), Arguments.of("leaky_relu", 0.2), Arguments.of("leaky_relu", 1.0),
				Arguments.of("leaky_relu", 0.0), Arguments.of("sigmoid", null), Arguments.of("tanh", null),
				Arguments.of("elu", null), Arguments.of("elu", 0.5), Arguments.of("elu", 1000.0),
				Arguments.of("gelu", null), Arguments.of("softplus", null), Arguments.of("silu", null));
	}

	@ParameterizedTest(name = "{0} alpha={1}")
	@MethodSource("activations")
	void withinOneUlpOnAStridedSweepAndTheEdges(String name, Double alpha) {
		Accuracy32 accuracy = run(name, alpha, STRIDE, 0);
		Accuracy32 edges = new Accuracy32(name + " edges");
		apply(name, alpha, edges(), edges);
		System.out.println(accuracy.summary());
		assertThat(accuracy.count).isGreaterThan(2_000_000);
		assertThat(accuracy.violations).isEmpty();
		assertThat(edges.violations).isEmpty();
	}

	/** Every {@code stride}th bit pattern from {@code first}, NaNs left out. */
	static Accuracy32 run(String name, Double alpha, long stride, long first) {
		return run(name, alpha, stride, first, 1L << 32);
	}

	/** Every {@code stride}th bit pattern in {@code [first, end)}, NaNs left out. */
	static Accuracy32 run(String name, Double alpha, long stride, long first, long end) {
		Accuracy32 accuracy = new Accuracy32(name);
		float[] chunk = new float[1 << 16];
		int n = 0;
		for (long bits = first; bits < end; bits += stride) {
			float x = Float.intBitsToFloat((int) bits);
			if (Float.isNaN(x)) {
				continue;
			}
			chunk[n++] = x;
			if (n == chunk.length) {
				apply(name, alpha, chunk, accuracy);
				n = 0;
			}
		}
		apply(name, alpha, Arrays.copyOf(chunk, n), accuracy);
		return accuracy;
	}

	static void apply(String name, Double alpha, float[] inputs, Accuracy32 accuracy) {
		Activation a = Activations.standard().find(name).orElseThrow();
		double[] params = a.defaults();
		if (alpha != null) {
			params[0] = alpha;
		}
		float[] results = inputs.clone();
		a.applyInPlace(results, 1, results.length, params);
		DoubleUnaryOperator reference = Reference32.of(name, params.length > 0 ? params[0] : Double.NaN);
		accuracy.check(inputs, results, results.length, reference);
	}

	/**
	 * Zeros, subnormals, the normal range's ends, the kernels' branch points (2^-60,
	 * 2^-7, the erfc intervals at x = k√2, the exponential's reduction steps at odd
	 * multiples of ln2/2 and ln2/4, its clamps at 20, 37, 40, 120 and 709, gelu's z =
	 * 10.5) and the saturation points, each with its neighbours.
	 */
	static float[] edges() {
		float[] centres = { 0f, Float.MIN_VALUE, 2 * Float.MIN_VALUE, 0x1p-140f, Float.MIN_NORMAL, 0x1p-100f, 1e-30f,
				0x1p-60f, 0x1p-26f, 0x1p-13f, 0x1p-7f, 0.001f, 0.17328680f, 0.34657359f, 0.5f, 1f, 1.03972077f, 2f,
				9.01f, 16.64f, 17.33f, 20f, 37f, 40f, 87.34f, 88.72f, 103.97f, 104f, 110f, 120f, 709f, 14.1f,
				14.849242f, 200f, 1e10f, Float.MAX_VALUE };
		float[] edges = new float[(centres.length + 11) * 6];
		int n = 0;
		for (int k = 0; k < centres.length + 11; k++) {
			float c = k < centres.length ? centres[k] : (float) ((k - centres.length + 1) * Math.sqrt(2));
			for (float v : new float[] { Math.nextDown(c), c, Math.nextUp(c) }) {
				if (!Float.isInfinite(v)) {
					edges[n++] = v;
					edges[n++] = -v;
				}
			}
		}
		return Arrays.copyOf(edges, n);
	}

	@Test
	void reluIsNumpyMaximum() {
		assertThat(Float.floatToRawIntBits(Kernels32.relu(-0f))).isEqualTo(Float.floatToRawIntBits(-0f));
		assertThat(Float.floatToRawIntBits(Kernels32.relu(-1f))).isEqualTo(0);
		assertThat(Kernels32.relu(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
		assertThat(Kernels32.relu(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
		assertThat(Kernels32.relu(Float.NaN)).isNaN();
		assertThat(Kernels32.relu(Float.intBitsToFloat(0xFFC00000))).isNaN();
	}

	@Test
	void erfcAgreesWithHighPrecisionValues() {
		// mpmath.erfc at 40 digits.
		double[][] known = { { 0.0, 1.0 }, { 0.1, 0.8875370839817151078 }, { 0.5, 0.47950012218695346232 },
				{ 1.0, 0.15729920705028513066 }, { 1.5, 0.033894853524689272933 }, { 2.0, 0.0046777349810472658379 },
				{ 3.0, 0.000022090496998585441373 }, { 5.0, 1.5374597944280348502e-12 },
				{ 10.0, 2.088487583762544757e-45 }, { 11.5, 1.7933096435767820581e-59 },
				{ 20.0, 5.3958656116079009289e-176 }, { -1.0, 1.8427007929497148693 } };
		for (double[] k : known) {
			assertThat(Math.abs(Kernels32.erfc(k[0]) / k[1] - 1)).as("erfc(%s)", k[0]).isLessThan(0x1p-44);
			if (k[0] >= 0) {
				assertThat(Math.abs(Reference32.erfc(k[0]) / k[1] - 1)).as("reference erfc(%s)", k[0])
					.isLessThan(0x1p-40);
			}
		}
	}

	@Test
	void erfcAgreesWithTheReferenceOnAGrid() {
		for (double z = 0; z < 26; z += 1.0 / 1024) {
			assertThat(Math.abs(Kernels32.erfc(z) / Reference32.erfc(z) - 1)).as("erfc(%s)", z).isLessThan(0x1p-39);
		}
	}

}
