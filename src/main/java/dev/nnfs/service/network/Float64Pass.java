package dev.nnfs.service.network;

import dev.nnfs.service.tensor.DoubleBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of the {@code "dtype": "float64"} mode: plain numpy's
 * {@code np.dot(inputs, weights) + biases} and float64 activations, in plain Java on the
 * calling thread.
 *
 * <p>
 * Each dot product is summed in input order, one rounding per multiply and add, then the
 * bias is added (numpy's two steps). numpy hands the product to BLAS, whose kernels may
 * sum in another order or with fused multiply-adds, so a dense layer's outputs agree with
 * numpy's to a few ulp rather than bit for bit (the tests hold them to 1e-15 relative on
 * the seeds' networks); activations, softmax and the loss then follow numpy exactly. The
 * mode exists for the seeds' float64 cells and for checking against numpy: it has no
 * block pipeline, native GEMM or helper thread, and costs about twice the float32 pass's
 * time on small networks and more on large ones.
 */
final class Float64Pass {

	private Float64Pass() {
	}

	/**
	 * Runs {@code inputs} through every layer (the inputs are left alone).
	 * @return one batch per layer when {@code keepLayerOutputs}, else only the last
	 */
	static List<DoubleBatch> forward(List<Layer> layers, DoubleBatch inputs, boolean keepLayerOutputs) {
		List<DoubleBatch> outputs = new ArrayList<>();
		int rows = inputs.rows();
		double[] x = inputs.values();
		int width = inputs.cols();
		boolean owned = false;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				x = dense(dense, x, rows);
				width = dense.neurons();
				owned = true;
			}
			else {
				ActivationLayer a = (ActivationLayer) layer;
				if (!owned || keepLayerOutputs) {
					x = x.clone();
				}
				a.activation().applyInPlace(x, rows, width, a.params());
				owned = true;
			}
			if (keepLayerOutputs) {
				outputs.add(inputs.withValues(x, width));
			}
		}
		if (!keepLayerOutputs) {
			outputs.add(inputs.withValues(owned ? x : x.clone(), width));
		}
		return outputs;
	}

	private static double[] dense(DenseLayer layer, double[] x, int rows) {
		int in = layer.inputs();
		int out = layer.neurons();
		double[] w = layer.weights64();
		double[] b = layer.biases64();
		double[] y = new double[rows * out];
		double[] acc = new double[out];
		for (int r = 0; r < rows; r++) {
			java.util.Arrays.fill(acc, 0.0);
			int xo = r * in;
			for (int i = 0; i < in; i++) {
				double xi = x[xo + i];
				int wo = i * out;
				for (int n = 0; n < out; n++) {
					acc[n] += xi * w[wo + n];
				}
			}
			int yo = r * out;
			for (int n = 0; n < out; n++) {
				y[yo + n] = acc[n] + b[n];
			}
		}
		return y;
	}

}
