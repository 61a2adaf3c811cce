package dev.nnfs.service.activation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every float64 activation within 1 ulp of the exact value, and correctly rounded unless
 * the exact value is within 2^-26 ulp of a midpoint ({@link Accuracy64}, against the
 * independent {@link Reference64}): the edges (zeros, subnormals, the kernels' branch
 * points and saturation thresholds, ±Double.MAX_VALUE, each with its neighbours) plus a
 * random sweep of 2,000 inputs per activation (a third random bit patterns over the whole
 * range, a third uniform over the range where the function is not trivial, a third
 * log-uniform in magnitude from 2^-70 to 2^10). The million-input run is
 * {@link Kernels64ExhaustiveTests}.
 */
class Kernels64Tests {

	static Stream<Arguments> activations() {
		return Stream.of(Arguments.of("step", 0.0), Arguments.of("linear", 0.0), Arguments.of("relu", 0.0),
				Arguments.of("leaky_relu", 0.01), Arguments.of("leaky_relu", 0.2), Arguments.of("leaky_relu", 1.5),
				Arguments.of("leaky_relu", 0.0), Arguments.of("sigmoid", 0.0), Arguments.of("tanh", 0.0),
				Arguments.of("elu", 1.0), Arguments.of("elu", 0.5), Arguments.of("elu", 1.5),
				Arguments.of("elu", 1000.0), Arguments.of("elu", 0.0), Arguments.of("gelu", 0.0),
				Arguments.of("softplus", 0.0), Arguments.of("silu", 0.0));
	}

	@ParameterizedTest(name = "{0} alpha={1}")
	@MethodSource("activations")
	void withinOneUlpOnTheEdgesAndARandomSweep(String name, double alpha) {
		Accuracy64 edges = run(name, alpha, edges());
		Accuracy64 sweep = run(name, alpha, sample(name, 2_000, 64));
		System.out.println(edges.summary());
		System.out.println(sweep.summary());
		assertThat(edges.violations).isEmpty();
		assertThat(sweep.violations).isEmpty();
		assertThat(sweep.count).isEqualTo(2_000);
	}

	/** Each input through the array kernel, checked against the reference. */
	static Accuracy64 run(String name, double alpha, double[] inputs) {
		double[] results = inputs.clone();
		apply(name, alpha, results);
		Accuracy64 accuracy = new Accuracy64(name + ((alpha != 0) ? " " + alpha : ""));
		for (int i = 0; i < inputs.length; i++) {
			accuracy.check(name, alpha, inputs[i], results[i]);
		}
		return accuracy;
	}

	static void apply(String name, double alpha, double[] v) {
		int n = v.length;
		switch (name) {
			case "step" -> Kernels64.step(v, n);
			case "linear" -> Kernels64.linear(v, n);
			case "relu" -> Kernels64.relu(v, n);
			case "leaky_relu" -> Kernels64.leakyRelu(v, n, alpha);
			case "sigmoid" -> Kernels64.sigmoid(v, n);
			case "tanh" -> Kernels64.tanh(v, n);
			case "elu" -> Kernels64.elu(v, n, alpha);
			case "gelu" -> Kernels64.gelu(v, n);
			case "softplus" -> Kernels64.softplus(v, n);
			case "silu" -> Kernels64.silu(v, n);
			default -> throw new IllegalArgumentException(name);
		}
	}

	/**
	 * {@code count} finite inputs from a seeded stream: a third random bit patterns (the
	 * whole range, both signs, all binades), a third uniform over the range where the
	 * activation is not constant or linear, a third log-uniform in magnitude (2^-70 to
	 * 2^10) with a random sign.
	 */
	static double[] sample(String name, int count, long seed) {
		double lo = switch (name) {
			case "tanh" -> -25;
			case "elu" -> -45;
			case "gelu" -> -41;
			default -> -770;
		};
		double hi = switch (name) {
			case "tanh" -> 25;
			case "elu" -> 1;
			case "gelu" -> 11;
			default -> 50;
		};
		SplittableRandom random = new SplittableRandom(seed);
		double[] inputs = new double[count];
		for (int i = 0; i < count; i++) {
			double x;
			switch (i % 3) {
				case 0 -> {
					do {
						x = Double.longBitsToDouble(random.nextLong());
					}
					while (!Double.isFinite(x));
				}
				case 1 -> x = lo + (hi - lo) * random.nextDouble();
				default -> x = Math.copySign(Math.pow(2, -70 + 80 * random.nextDouble()), random.nextLong());
			}
			inputs[i] = x;
		}
		return inputs;
	}

	/**
	 * Zeros, subnormals (odd and even last bits: gelu and silu of an odd one is a tie
	 * broken by the x² term), the normal range's ends, the kernels' branch points (2^-60,
	 * 2^-30, 2^-27, the exp reduction's ±ln2/2, gelu's series end |x| = 4), the
	 * saturation and underflow thresholds (10, 19.06, 22, 37.43, 40, 690, 700, 708.4,
	 * 709.78, 745.13, 746, 751.7, 760, gelu's 37.5 to 40), each with its neighbours and
	 * both signs.
	 */
	static double[] edges() {
		double[] centres = { 0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, 0x1.5p-1060,
				0x0.0000000000007p-1022, 0x0.8000000000001p-1022, Double.MIN_NORMAL, 0x1p-1000, 0x1p-600, 1e-300,
				0x1p-200, 1e-30, 0x1p-61, 0x1p-60, 0x1p-40, 0x1p-30, 0x1p-27, 0x1p-26, 1e-5, 0.01, 0.1,
				0.34657359027997264, 0.35, 0.5, 0.6931471805599453, 1, 1.5, 2, 3, 4, 5, 7, 9.99, 10, 19.06, 22, 25,
				37.43, 37.5, 38, 38.5, 38.6, 39, 40, 45, 100, 690, 700, 708.39, 708.4, 709.78, 709.79, 710, 745.13,
				745.1332191019412, 746, 751.7, 752, 760, 770, 1e4, 1e10, 1e300, Double.MAX_VALUE };
		double[] edges = new double[centres.length * 6];
		int n = 0;
		for (double c : centres) {
			for (double v : new double[] { Math.nextDown(c), c, Math.nextUp(c) }) {
				if (Double.isFinite(v)) {
					edges[n++] = v;
					edges[n++] = -v;
				}
			}
		}
		return Arrays.copyOf(edges, n);
	}

	@Test
	void nonFiniteInputsGiveWhatTheFloat32KernelsGive() {
		for (double x : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			float f = (float) x;
			assertThat(Double.valueOf(Kernels64.step(x))).isEqualTo(Double.valueOf(Kernels32.step(f)));
			assertThat(Double.valueOf(Kernels64.relu(x))).isEqualTo(Double.valueOf(Kernels32.relu(f)));
			assertThat(Double.valueOf(Kernels64.leakyRelu(x, 0.01)))
				.isEqualTo(Double.valueOf(Kernels32.leakyRelu(f, 0.01)));
			assertThat(Double.valueOf(Kernels64.sigmoid(x))).isEqualTo(Double.valueOf(Kernels32.sigmoid(f)));
			assertThat(Double.valueOf(Kernels64.tanh(x))).isEqualTo(Double.valueOf(Kernels32.tanh(f)));
			assertThat(Double.valueOf(Kernels64.elu(x, 1.0))).isEqualTo(Double.valueOf(Kernels32.elu(f, 1.0)));
			assertThat(Double.valueOf(Kernels64.gelu(x))).isEqualTo(Double.valueOf(Kernels32.gelu(f)));
			assertThat(Double.valueOf(Kernels64.softplus(x))).isEqualTo(Double.valueOf(Kernels32.softplus(f)));
			assertThat(Double.valueOf(Kernels64.silu(x))).isEqualTo(Double.valueOf(Kernels32.silu(f)));
		}
	}

	@Test
	void reluIsNumpyMaximum() {
		assertThat(Double.doubleToRawLongBits(Kernels64.relu(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
		assertThat(Double.doubleToRawLongBits(Kernels64.relu(-1.0))).isZero();
		assertThat(Double.doubleToRawLongBits(Kernels64.relu(-Double.MIN_VALUE))).isZero();
		assertThat(Kernels64.relu(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
		assertThat(Kernels64.relu(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(Kernels64.relu(Double.NaN)).isNaN();
		assertThat(Kernels64.relu(Double.longBitsToDouble(0xFFF8000000000000L))).isNaN();
		assertThat(Kernels64.relu(2.5)).isEqualTo(2.5);
	}

	@Test
	void knownValuesFromMpmath() {
		// mpmath at 50 digits, rounded to double by mpmath (mp.dps = 50; float(f(x))).
		assertThat(Kernels64.sigmoid(1.0)).isEqualTo(0.7310585786300049);
		assertThat(Kernels64.sigmoid(-1.0)).isEqualTo(0.2689414213699951);
		assertThat(Kernels64.tanh(0.5)).isEqualTo(0.46211715726000974);
		assertThat(Kernels64.gelu(1.0)).isEqualTo(0.8413447460685429);
		assertThat(Kernels64.gelu(-1.0)).isEqualTo(-0.15865525393145705);
		assertThat(Kernels64.softplus(0.0)).isEqualTo(0.6931471805599453);
		assertThat(Kernels64.silu(1.0)).isEqualTo(0.7310585786300049);
		assertThat(Kernels64.elu(-1.0, 1.0)).isEqualTo(-0.6321205588285577);
	}

}
