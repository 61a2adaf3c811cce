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
 * native GEMM or helper thread, and costs about twice the float32 pass's time on small
 * networks and more on large ones.
 */
final class Float64Pass {

	private Float64Pass() {
	}

	/** Rows per block when only the last layer's outputs are kept. */
	static final int BLOCK_ROWS = 1024;

	/**
	 * Runs {@code inputs} through every layer (the inputs are left alone).
	 *
	 * <p>
	 * When only the last layer's outputs are kept, the rows go through all layers a block
	 * of {@link #BLOCK_ROWS} at a time, so the heap holds the answer and two blocks, not
	 * two whole layers' outputs (with 4096 neurons, 8 × rows × 4096 bytes each). Every
	 * row's arithmetic is the same either way: the answer is bit for bit that of the
	 * whole-layer pass.
	 * @return one batch per layer when {@code keepLayerOutputs}, else only the last
	 */
	static List<DoubleBatch> forward(List<Layer> layers, DoubleBatch inputs, boolean keepLayerOutputs) {
		if (!keepLayerOutputs) {
			return List.of(blocked(layers, inputs));
		}
		List<DoubleBatch> outputs = new ArrayList<>();
		int rows = inputs.rows();
		double[] x = inputs.values();
		int width = inputs.cols();
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				x = dense(dense, x, 0, rows, new double[rows * dense.neurons()]);
				width = dense.neurons();
			}
			else {
				ActivationLayer a = (ActivationLayer) layer;
				x = x.clone();
				a.activation().applyInPlace(x, rows, width, a.params());
			}
			outputs.add(inputs.withValues(x, width));
		}
		return outputs;
	}

	private static DoubleBatch blocked(List<Layer> layers, DoubleBatch inputs) {
		int rows = inputs.rows();
		int cols = inputs.cols();
		int outWidth = cols;
		int widest = cols;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				outWidth = dense.neurons();
				widest = Math.max(widest, outWidth);
			}
		}
		double[] in = inputs.values();
		double[] out = new double[rows * outWidth];
		int blockRows = Math.max(1, Math.min(rows, BLOCK_ROWS));
		double[] a = new double[blockRows * widest];
		double[] b = new double[blockRows * widest];
		for (int first = 0; first < rows; first += blockRows) {
			int n = Math.min(blockRows, rows - first);
			// x is the block's current values: the inputs' rows until a layer writes its
			// own
			double[] x = in;
			int offset = first * cols;
			int width = cols;
			for (Layer layer : layers) {
				if (layer instanceof DenseLayer dense) {
					double[] y = x == a ? b : a;
					x = dense(dense, x, offset, n, y);
					offset = 0;
					width = dense.neurons();
				}
				else {
					if (x == in) {
						System.arraycopy(in, offset, a, 0, n * width);
						x = a;
						offset = 0;
					}
					ActivationLayer act = (ActivationLayer) layer;
					act.activation().applyInPlace(x, n, width, act.params());
				}
			}
			System.arraycopy(x, offset, out, first * outWidth, n * outWidth);
		}
		return inputs.withValues(out, outWidth);
	}

	/**
	 * {@code rows} rows of {@code x} from {@code offset} through the layer into the start
	 * of {@code y}.
	 */
	private static double[] dense(DenseLayer layer, double[] x, int offset, int rows, double[] y) {
		int in = layer.inputs();
		int out = layer.neurons();
		double[] w = layer.weights64();
		double[] b = layer.biases64();
		double[] acc = new double[out];
		for (int r = 0; r < rows; r++) {
			java.util.Arrays.fill(acc, 0.0);
			int xo = offset + r * in;
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
