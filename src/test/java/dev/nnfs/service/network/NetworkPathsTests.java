package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways {@link ForwardEngine} runs a batch (plain Java for small passes; blocks of
 * rows with dgemm and the helper thread for large ones; any block size; every layer's
 * output kept or only the last) give the same bits as each other and as the op-by-op ND4J
 * pipeline ({@link OpByOpNetwork}).
 */
class NetworkPathsTests {

	private static final Activations ACTIVATIONS = Activations.standard();

	private static ActivationLayer activation(String name) {
		Activation a = ACTIVATIONS.find(name).orElseThrow();
		return new ActivationLayer(a, a.defaults());
	}

	private static DenseLayer dense(SplittableRandom random, int inputs, int neurons, double scale) {
		float[] w = new float[inputs * neurons];
		float[] b = new float[neurons];
		for (int i = 0; i < w.length; i++) {
			w[i] = (float) (random.nextGaussian() * scale);
		}
		for (int i = 0; i < b.length; i++) {
			b[i] = random.nextInt(4) == 0 ? 0f : (float) (random.nextGaussian() * 0.1);
		}
		return new DenseLayer(inputs, neurons, w, b);
	}

	/**
	 * 2 → 64 → 64 → 3 with relu, relu, softmax: the shape of the large-batch benchmark.
	 */
	private static Network wide(SplittableRandom random) {
		return new Network(List.of(dense(random, 2, 64, 1), activation("relu"), dense(random, 64, 64, 0.3),
				activation("relu"), dense(random, 64, 3, 0.3), activation("softmax")));
	}

	/**
	 * The same with no biases in the first layer, as a seeded network starts: large
	 * passes take its rows by angle ({@link RowOrder}).
	 */
	private static Network wideWithoutFirstBiases(SplittableRandom random) {
		DenseLayer first = dense(random, 2, 64, 1);
		first = new DenseLayer(2, 64, first.weights(), new float[64]);
		return new Network(List.of(first, activation("relu"), dense(random, 64, 64, 0.3), activation("relu"),
				dense(random, 64, 3, 0.3), activation("softmax")));
	}

	private static FloatBatch batch(SplittableRandom random, int rows, int cols) {
		float[] v = new float[rows * cols];
		for (int i = 0; i < v.length; i++) {
			v[i] = switch (random.nextInt(10)) {
				case 0 -> 0f;
				case 1 -> -0f;
				default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
			};
		}
		return FloatBatch.of(v, rows, cols);
	}

	private static void assertSameBits(List<FloatBatch> actual, List<FloatBatch> expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < actual.size(); i++) {
			assertThat(actual.get(i).shape()).isEqualTo(expected.get(i).shape());
			float[] a = actual.get(i).values();
			float[] e = expected.get(i).values();
			for (int j = 0; j < a.length; j++) {
				if (Float.floatToRawIntBits(a[j]) != Float.floatToRawIntBits(e[j])) {
					throw new AssertionError("layer " + i + " value " + j + ": " + a[j] + " but expected " + e[j]);
				}
			}
		}
	}

	private static final EngineSettings DEFAULTS = EngineSettings.defaults();

	/** Every pass small: plain Java on the calling thread. */
	private static final ForwardEngine JAVA = new ForwardEngine(
			new EngineSettings(Long.MAX_VALUE, DEFAULTS.blockDoubles(), DEFAULTS.parallel()));

	/**
	 * Every pass with a dense layer large: dgemm for wide layers, blocks shared with the
	 * helper.
	 */
	private static final ForwardEngine LARGE = new ForwardEngine(new EngineSettings(0, DEFAULTS.blockDoubles(), true));

	/** The same in blocks of 8 rows, with a ragged last block whatever the widths. */
	private static final ForwardEngine EIGHT_ROWS = new ForwardEngine(new EngineSettings(0, 8, true));

	/**
	 * Every pass large, each block's dgemm split into calls of 73 rows of a 64 → 64 layer
	 * (and a shorter last one): OpenBLAS's SkylakeX small-matrix kernels on a CPU that
	 * loads them.
	 */
	private static final ForwardEngine SPLIT_CALLS = new ForwardEngine(
			new EngineSettings(0, DEFAULTS.blockDoubles(), true, 300_000));

	/** Large passes on the calling thread alone. */
	private static final ForwardEngine ONE_THREAD = new ForwardEngine(
			new EngineSettings(DEFAULTS.nativeMinMacs(), DEFAULTS.blockDoubles(), false));

	private static void check(Network network, FloatBatch inputs) {
		List<FloatBatch> expected = OpByOpNetwork.forward(network, inputs, true);
		List<FloatBatch> last = expected.subList(expected.size() - 1, expected.size());
		float[] before = inputs.values().clone();
		for (ForwardEngine engine : List.of(JAVA, LARGE, EIGHT_ROWS, SPLIT_CALLS)) {
			assertSameBits(engine.forward(network.layers(), inputs, true), expected);
			assertSameBits(engine.forward(network.layers(), inputs, false), last);
		}
		assertSameBits(network.forward(inputs, true), expected);
		assertSameBits(network.forward(inputs, false), last);
		assertThat(inputs.values()).as("inputs are left alone").isEqualTo(before);
	}

	@Test
	void aFoldedReluKeepsTheNegativeZeroANegativeZeroBiasGives() {
		// -1e-30 × 1e-20 underflows to -0.0 in float32; plus a -0.0 bias it stays -0.0,
		// which np.maximum(0, x) keeps; plus a +0.0 bias it is +0.0
		int rows = 300_000;
		float[] x = new float[rows * 2];
		java.util.Arrays.fill(x, -1e-30f);
		DenseLayer dense = new DenseLayer(2, 2, new float[] { 1e-20f, 1e-20f, 1e-20f, 1e-20f },
				new float[] { -0.0f, 0.0f });
		List<Layer> layers = List.of(dense, activation("relu"));
		float[] out = LARGE.forward(layers, FloatBatch.of(x, rows, 2), false).get(0).values();
		for (int r = 0; r < rows; r += 9973) {
			assertThat(Float.floatToRawIntBits(out[2 * r])).as("row %d, neuron 0", r).isEqualTo(0x80000000);
			assertThat(Float.floatToRawIntBits(out[2 * r + 1])).as("row %d, neuron 1", r).isZero();
		}
	}

	@Test
	void theBooksNetworkAndA64WideOneGiveTheSameBitsEveryWay() {
		SplittableRandom random = new SplittableRandom(7);
		check(new Network(List.of(dense(random, 2, 3, 0.01), activation("relu"), dense(random, 3, 3, 0.01),
				activation("softmax"))), batch(random, 300, 2));
		check(wide(random), batch(random, 3000, 2));
		check(wideWithoutFirstBiases(random), batch(random, 3000, 2));
		check(new Network(List.of(dense(random, 3, 40, 1), activation("relu"), dense(random, 40, 24, 0.3),
				activation("relu"), dense(random, 24, 3, 0.3))), batch(random, 2500, 3));
	}

	@Test
	void aHundredThousandRowsGiveTheSameBitsInBlocksAsInPlainJava() {
		SplittableRandom random = new SplittableRandom(13);
		Network network = wide(random);
		FloatBatch inputs = batch(random, 100_007, 2);
		List<FloatBatch> java = JAVA.forward(network.layers(), inputs, false);
		assertSameBits(network.forward(inputs, false), java);
		assertSameBits(ONE_THREAD.forward(network.layers(), inputs, false), java);
		assertSameBits(SPLIT_CALLS.forward(network.layers(), inputs, false), java);
		Network byAngle = wideWithoutFirstBiases(random);
		assertSameBits(byAngle.forward(inputs, false), JAVA.forward(byAngle.layers(), inputs, false));
	}

	@Test
	void rowsTakenAsTheyAreReadyAreFinalAndAPassClosedEarlyFreesTheHelper() throws Exception {
		SplittableRandom random = new SplittableRandom(17);
		Network network = wide(random);
		FloatBatch inputs = batch(random, 50_003, 2);
		float[] whole = JAVA.forward(network.layers(), inputs, false).get(0).values();
		try (ForwardPass<float[]> pass = LARGE.start(network.layers(), inputs, false)) {
			int ready = 0;
			while (ready < pass.rows()) {
				int needed = Math.min(pass.rows(), ready + 1 + random.nextInt(3_000));
				int now = pass.awaitRows(needed);
				assertThat(now).isBetween(needed, pass.rows());
				for (int i = ready * 3; i < now * 3; i++) {
					if (Float.floatToRawIntBits(pass.output()[i]) != Float.floatToRawIntBits(whole[i])) {
						throw new AssertionError("value " + i + " of " + now * 3 + " ready: " + pass.output()[i]);
					}
				}
				ready = now;
			}
		}
		try (ForwardPass<float[]> pass = LARGE.start(network.layers(), inputs, false)) {
			assertThat(pass.awaitRows(1)).isPositive();
		}
		Future<?> lent = HelperThread.shared().lend(() -> {
		});
		assertThat(lent).as("the helper is free once a pass is closed").isNotNull();
		lent.get();
		assertSameBits(LARGE.forward(network.layers(), inputs, false), List.of(FloatBatch.of(whole, inputs.rows(), 3)));
	}

	@Test
	void everyLayoutOfLayersGivesTheSameBitsEveryWay() {
		SplittableRandom random = new SplittableRandom(11);
		String[] names = { "relu", "relu", "softmax", "linear", "step", "sigmoid", "tanh", "log_softmax", "softplus" };
		for (int trial = 0; trial < 40; trial++) {
			int width = random.nextInt(1, 9);
			FloatBatch inputs = batch(random, random.nextInt(1, 400), width);
			List<Layer> layers = new ArrayList<>();
			for (int l = random.nextInt(1, 7); l > 0; l--) {
				if (random.nextInt(3) > 0) {
					int neurons = random.nextInt(1, 70);
					layers.add(dense(random, width, neurons, random.nextDouble(0.01, 2)));
					width = neurons;
				}
				else {
					layers.add(activation(names[random.nextInt(names.length)]));
				}
			}
			check(new Network(layers), inputs);
		}
	}

}
