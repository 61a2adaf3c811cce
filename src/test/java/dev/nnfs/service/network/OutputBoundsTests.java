package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activation;
import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds that let an answer be written before it is computed: every value a network
 * produces is within them, and the activations they vouch for keep finite values finite.
 */
class OutputBoundsTests {

	private static final Activations ACTIVATIONS = Activations.standard();

	private static ActivationLayer activation(String name) {
		Activation a = ACTIVATIONS.find(name).orElseThrow();
		return new ActivationLayer(a, a.defaults());
	}

	@Test
	void everyActivationWithABoundStaysFiniteAndWithinItAtTheExtremes() {
		float big = (float) (OutputBounds.LIMIT * 0.999);
		float[] row = { big, -big, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 88.7f, -88.7f, 1e10f,
				-1e10f };
		for (Activation a : ACTIVATIONS.all()) {
			double bound = OutputBounds.activation(a.name(), a.defaults(), big);
			if (Double.isNaN(bound)) {
				continue;
			}
			float[] values = row.clone();
			a.applyInPlace(values, 1, values.length, a.defaults());
			for (int i = 0; i < values.length; i++) {
				assertThat(Float.isFinite(values[i])).as("%s(%s)", a.name(), row[i]).isTrue();
				assertThat((double) Math.abs(values[i])).as("%s(%s)", a.name(), row[i]).isLessThanOrEqualTo(bound);
			}
		}
		assertThat(OutputBounds.activation("relu", new double[0], Double.NaN)).isNaN();
		assertThat(OutputBounds.activation("exp_of_something_new", new double[0], 1)).isNaN();
	}

	@Test
	void theBoundsHoldForRandomNetworks() {
		SplittableRandom random = new SplittableRandom(5);
		String[] names = { "relu", "linear", "leaky_relu", "sigmoid", "tanh", "softmax", "step" };
		for (int trial = 0; trial < 200; trial++) {
			int width = random.nextInt(1, 6);
			int rows = random.nextInt(1, 50);
			float[] x = new float[rows * width];
			double scale = Math.pow(10, random.nextInt(-5, 30));
			for (int i = 0; i < x.length; i++) {
				x[i] = (float) (random.nextGaussian() * scale);
			}
			FloatBatch inputs = FloatBatch.of(x, rows, width);
			List<Layer> layers = new java.util.ArrayList<>();
			for (int l = random.nextInt(1, 5); l > 0; l--) {
				int neurons = random.nextInt(1, 8);
				float[] w = new float[width * neurons];
				float[] b = new float[neurons];
				double ws = Math.pow(10, random.nextInt(-3, 6));
				for (int i = 0; i < w.length; i++) {
					w[i] = (float) (random.nextGaussian() * ws);
				}
				for (int i = 0; i < b.length; i++) {
					b[i] = (float) (random.nextGaussian() * ws);
				}
				layers.add(new DenseLayer(width, neurons, w, b));
				layers.add(activation(names[random.nextInt(names.length)]));
				width = neurons;
			}
			double[] bounds = OutputBounds.of(layers, x);
			List<FloatBatch> outputs = new Network(layers).forward(inputs, true);
			for (int i = 0; i < layers.size(); i++) {
				if (Double.isNaN(bounds[i])) {
					continue;
				}
				for (float v : outputs.get(i).values()) {
					assertThat(Float.isFinite(v)).as("trial %d layer %d", trial, i).isTrue();
					// Bounds of the exact values; float32 rounding may add a few ulps,
					// which LIMIT's margin absorbs.
					assertThat((double) Math.abs(v)).as("trial %d layer %d", trial, i)
						.isLessThanOrEqualTo(bounds[i] * (1 + 1e-6));
				}
			}
			assertThat(OutputBounds.finite(layers, x)).isEqualTo(!Double.isNaN(bounds[bounds.length - 1]));
		}
	}

	@Test
	void aNonFiniteInputOrAnUnboundedActivationProvesNothing() {
		DenseLayer dense = new DenseLayer(1, 1, new float[] { 1f }, new float[] { 0f });
		assertThat(OutputBounds.finite(List.of(dense), new float[] { Float.POSITIVE_INFINITY })).isFalse();
		assertThat(OutputBounds.finite(List.of(dense), new float[] { 2e37f })).isFalse();
		assertThat(OutputBounds.finite(List.of(dense), new float[] { 2e36f })).isTrue();
		assertThat(OutputBounds.finite(List.of(dense, activation("softplus")), new float[] { 1f })).isFalse();
		assertThat(
				OutputBounds.finite(List.of(dense, activation("softplus"), activation("softmax")), new float[] { 1f }))
			.isFalse();
	}

}
