package dev.nnfs.service.network;

import java.util.List;

/**
 * Upper bounds, known before anything is computed, on the magnitude of every value a
 * network produces for a batch: layer by layer from the largest input,
 * {@code |x · W + b| <= max|x| * max_c sum_k |W[k][c]| + max|b|} for a dense layer, and a
 * bound per activation for the activations whose float32 kernels are known to keep finite
 * values finite (see {@link #activation}).
 *
 * <p>
 * These bound the exact values; float32 rounding can add a few ulps to them, far less
 * than the room {@link #LIMIT} leaves. While a bound stays below {@link #LIMIT}, every
 * input of the layer is finite, so every product and sum is, and rounding to float32
 * cannot overflow: the layer's output is finite and free of NaN. A non-finite input,
 * weight or bias, or an activation without a claimed bound, ends the guarantee for the
 * layers after it ({@code NaN}).
 */
final class OutputBounds {

	/**
	 * Bounds below this prove a value finite, with room for every rounding on the way.
	 */
	static final double LIMIT = 1e37;

	private OutputBounds() {
	}

	/**
	 * Per layer, a bound on {@code |value|} of its output, or {@code NaN} when none is
	 * proven.
	 */
	static double[] of(List<Layer> layers, float[] inputs) {
		double[] result = new double[layers.size()];
		double bound = 0;
		for (float v : inputs) {
			bound = Math.max(bound, Math.abs(v));
		}
		if (!(bound < LIMIT)) {
			bound = Double.NaN;
		}
		for (int i = 0; i < layers.size(); i++) {
			Layer layer = layers.get(i);
			if (layer instanceof DenseLayer dense) {
				bound = dense(dense, bound);
			}
			else {
				ActivationLayer a = (ActivationLayer) layer;
				bound = activation(a.activation().name(), a.params(), bound);
			}
			if (!(bound < LIMIT)) {
				bound = Double.NaN;
			}
			result[i] = bound;
		}
		return result;
	}

	/** Whether every value of the network's output is certainly finite. */
	static boolean finite(List<Layer> layers, float[] inputs) {
		double[] bounds = of(layers, inputs);
		return bounds.length > 0 && bounds[bounds.length - 1] < LIMIT;
	}

	private static double dense(DenseLayer dense, double in) {
		int k = dense.inputs();
		int m = dense.neurons();
		float[] w = dense.weights();
		double columns = 0;
		for (int c = 0; c < m; c++) {
			double sum = 0;
			for (int j = 0; j < k; j++) {
				sum += Math.abs(w[j * m + c]);
			}
			columns = Math.max(columns, sum);
		}
		double biases = 0;
		for (float b : dense.biases()) {
			biases = Math.max(biases, Math.abs(b));
		}
		return in * columns + biases;
	}

	/**
	 * A bound on {@code |y|} for an activation given a finite bound {@code in} on
	 * {@code |x|}, for the activations whose kernels never turn a finite value into a
	 * non-finite one; {@code NaN} for the others (their outputs are checked after
	 * computing instead).
	 */
	static double activation(String name, double[] params, double in) {
		if (!(in < LIMIT)) {
			return Double.NaN;
		}
		return switch (name) {
			case "relu", "linear" -> in;
			case "leaky_relu" -> in * Math.max(1.0, Math.abs(params[0]));
			case "step", "sigmoid", "tanh", "softmax" -> 1.0;
			default -> Double.NaN;
		};
	}

}
