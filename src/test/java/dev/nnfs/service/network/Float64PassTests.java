package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.tensor.DoubleBatch;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The float64 pass in row blocks (only the answer kept) gives bit for bit the answer of
 * the pass that keeps every layer's output, and both that of each row on its own: a row's
 * arithmetic does not depend on the rows around it.
 */
class Float64PassTests {

	private static final Activations ACTIVATIONS = Activations.standard();

	private static DenseLayer dense(Random random, int inputs, int neurons) {
		double[] w = new double[inputs * neurons];
		double[] b = new double[neurons];
		for (int i = 0; i < w.length; i++) {
			w[i] = random.nextGaussian();
		}
		for (int i = 0; i < b.length; i++) {
			b[i] = random.nextGaussian() * 0.1;
		}
		return DenseLayer.float64(inputs, neurons, w, b);
	}

	private static ActivationLayer activation(String name) {
		return new ActivationLayer(ACTIVATIONS.find(name).orElseThrow(), new double[0]);
	}

	/**
	 * An activation before the first dense layer, layers wider and narrower than the
	 * input.
	 */
	private static List<Layer> network(Random random) {
		return List.of(activation("tanh"), dense(random, 2, 64), activation("relu"), dense(random, 64, 37),
				activation("sigmoid"), dense(random, 37, 3), activation("softmax"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 1023, 1024, 1025, 2500 })
	void blocksGiveTheWholeLayersAnswerBitForBit(int rows) {
		Random random = new Random(rows);
		List<Layer> layers = network(random);
		double[] x = new double[rows * 2];
		for (int i = 0; i < x.length; i++) {
			x[i] = random.nextGaussian() * 3;
		}
		double[] sent = x.clone();
		DoubleBatch inputs = DoubleBatch.of(x, rows, 2);

		List<DoubleBatch> blocked = Float64Pass.forward(layers, inputs, false);
		List<DoubleBatch> kept = Float64Pass.forward(layers, inputs, true);

		assertThat(blocked).hasSize(1);
		assertThat(kept).hasSize(layers.size());
		DoubleBatch answer = blocked.get(0);
		assertThat(answer.rows()).isEqualTo(rows);
		assertThat(answer.cols()).isEqualTo(3);
		assertThat(answer.values()).hasSize(rows * 3).isEqualTo(kept.get(layers.size() - 1).values());
		assertThat(x).as("the inputs are left alone").isEqualTo(sent);
		for (int r : new int[] { 0, rows / 2, rows - 1 }) {
			double[] one = java.util.Arrays.copyOfRange(sent, r * 2, r * 2 + 2);
			double[] alone = Float64Pass.forward(layers, DoubleBatch.of(one, 1, 2), true)
				.get(layers.size() - 1)
				.values();
			assertThat(java.util.Arrays.copyOfRange(answer.values(), r * 3, r * 3 + 3)).as("row %d", r)
				.isEqualTo(alone);
		}
	}

}
