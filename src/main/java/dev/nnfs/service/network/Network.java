package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.compute.ComputeDeadline;
import dev.nnfs.service.tensor.FloatBatch;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stack of {@link DenseLayer}s and {@link ActivationLayer}s, run forward on a batch:
 * {@code [batch, in] → ... → [batch, out]}.
 */
public final class Network {

	private final List<Layer> layers;

	public Network(List<Layer> layers) {
		this.layers = List.copyOf(layers);
	}

	public List<Layer> layers() {
		return layers;
	}

	/**
	 * Runs the batch through every layer.
	 *
	 * <p>Small batches ({@link #nativeMinMacs} multiply-adds or fewer) run in plain Java on
	 * {@code float[]}: no native call, whose fixed cost (about 5 µs an op) would be most of the
	 * work. Larger ones multiply with BLAS dgemm into reused off-heap buffers
	 * ({@link NativeScratch}); rounding, bias and a ReLU that follows are then one Java pass over
	 * the product, done in place when the next layer is dense. Both round float64 sums of exact
	 * products once to float32; they give the same bits when the BLAS kernels sum in input order,
	 * as the Java path does ({@link BlasSummationOrder}).
	 * @param keepLayerOutputs whether to return each layer's output (else only the last)
	 * @return one batch per layer when {@code keepLayerOutputs}, else a single-element list
	 */
	public List<FloatBatch> forward(FloatBatch inputs, boolean keepLayerOutputs) {
		if (macs(inputs) <= nativeMinMacs) {
			return forwardJava(inputs, keepLayerOutputs);
		}
		return keepLayerOutputs ? forwardNative(inputs, true) : forwardBlocked(inputs);
	}

	/**
	 * Whether the output for {@code inputs} may be written while it is computed
	 * ({@link StreamedForwardResponse}): a batch large enough for {@link BlockedForward} whose
	 * every output value {@link OutputBounds} proves finite beforehand.
	 */
	boolean streams(FloatBatch inputs) {
		return macs(inputs) > nativeMinMacs && OutputBounds.finite(layers, inputs.values());
	}

	private long macs(FloatBatch inputs) {
		long macs = 0;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				macs += (long) inputs.rows() * dense.inputs() * dense.neurons();
			}
		}
		return macs;
	}

	/** The last layer's output, the batch taken a block of rows at a time ({@link BlockedForward}). */
	List<FloatBatch> forwardBlocked(FloatBatch inputs) {
		return List.of(BlockedForward.forward(layers, inputs));
	}

	/** Above this many multiply-adds a batch goes to BLAS (see README, "Performance"). */
	static long nativeMinMacs = 1L << 20;

	List<FloatBatch> forwardJava(FloatBatch inputs, boolean keepLayerOutputs) {
		List<FloatBatch> outputs = new ArrayList<>();
		int rows = inputs.rows();
		float[] x = inputs.values();
		int width = inputs.cols();
		boolean owned = false;
		for (int i = 0; i < layers.size(); i++) {
			ComputeDeadline.check();
			Layer layer = layers.get(i);
			if (layer instanceof DenseLayer dense) {
				float[] out = new float[rows * dense.neurons()];
				dense.forward(x, rows, out);
				x = out;
				width = dense.neurons();
				owned = true;
			}
			else {
				if (!owned) {
					x = x.clone();
					owned = true;
				}
				ActivationLayer a = (ActivationLayer) layer;
				a.activation().applyInPlace(x, rows, width, a.params());
			}
			if (keepLayerOutputs || i == layers.size() - 1) {
				outputs.add(inputs.withValues(x, width));
				owned = false;
			}
		}
		return outputs;
	}

	List<FloatBatch> forwardNative(FloatBatch inputs, boolean keepLayerOutputs) {
		int rows = inputs.rows();
		long widest = inputs.cols();
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				widest = Math.max(widest, dense.neurons());
			}
		}
		List<FloatBatch> outputs = new ArrayList<>();
		try (NativeScratch scratch = NativeScratch.lend(rows * widest)) {
			// The batch lives either on the heap (x, row-major float32) or off-heap as the next
			// dense layer's float64 input (buffer `in`, in `inOrder`), never both.
			float[] x = inputs.values();
			boolean owned = false;
			int width = inputs.cols();
			int in = -1;
			char inOrder = 'c';
			for (int i = 0; i < layers.size(); i++) {
				ComputeDeadline.check();
				Layer layer = layers.get(i);
				if (layer instanceof DenseLayer dense) {
					if (in < 0) {
						in = 0;
						inOrder = 'c';
						widen(x, scratch.matrix(in, rows, width, 'c'));
					}
					int out = 1 - in;
					INDArray product = scratch.matrix(out, rows, dense.neurons(), 'f');
					dense.product(scratch.matrix(in, rows, width, inOrder), product);
					width = dense.neurons();
					// A ReLU right after is folded into the pass that rounds the product.
					int last = i;
					while (!keepLayerOutputs && last + 1 < layers.size() && isRelu(layers.get(last + 1))) {
						last++;
					}
					boolean relu = last > i;
					if (!keepLayerOutputs && last + 1 < layers.size() && layers.get(last + 1) instanceof DenseLayer) {
						finishInPlace(product, dense, relu);
						in = out;
						inOrder = 'f';
						x = null;
					}
					else {
						x = finishToHeap(product, dense, relu);
						owned = true;
						in = -1;
					}
					i = last;
				}
				else {
					if (!owned) {
						x = x.clone();
						owned = true;
					}
					ActivationLayer a = (ActivationLayer) layer;
					a.activation().applyInPlace(x, rows, width, a.params());
				}
				if (keepLayerOutputs || i == layers.size() - 1) {
					outputs.add(inputs.withValues(x, width));
					owned = false;
				}
			}
		}
		return outputs;
	}

	private static boolean isRelu(Layer layer) {
		return layer instanceof ActivationLayer a && "relu".equals(a.activation().name());
	}

	private static final int CHUNK = 8192;

	/** Row-major float32 values into a {@code [rows, cols]} c-order DOUBLE array. */
	private static void widen(float[] x, INDArray target) {
		DoubleBuffer dst = target.data().asNioDouble();
		double[] chunk = new double[Math.min(CHUNK, x.length)];
		for (int from = 0; from < x.length; from += chunk.length) {
			int n = Math.min(chunk.length, x.length - from);
			for (int j = 0; j < n; j++) {
				chunk[j] = x[from + j];
			}
			dst.put(from, chunk, 0, n);
		}
	}

	/** The f-order product becomes, in place, the float64 image of the layer's float32 output. */
	private static void finishInPlace(INDArray product, DenseLayer dense, boolean relu) {
		int rows = (int) product.size(0);
		DoubleBuffer p = product.data().asNioDouble();
		double[] chunk = new double[Math.min(CHUNK, rows)];
		for (int c = 0; c < dense.neurons(); c++) {
			for (int r0 = 0; r0 < rows; r0 += chunk.length) {
				int n = Math.min(chunk.length, rows - r0);
				int at = c * rows + r0;
				p.get(at, chunk, 0, n);
				for (int j = 0; j < n; j++) {
					float y = dense.finish(chunk[j], c);
					chunk[j] = relu ? Activations.relu(y) : y;
				}
				p.put(at, chunk, 0, n);
			}
		}
	}

	/** The layer's float32 output, row-major on the heap, from its f-order product. */
	private static float[] finishToHeap(INDArray product, DenseLayer dense, boolean relu) {
		int rows = (int) product.size(0);
		int cols = dense.neurons();
		float[] out = new float[rows * cols];
		DoubleBuffer p = product.data().asNioDouble();
		double[] chunk = new double[Math.min(CHUNK, rows)];
		for (int c = 0; c < cols; c++) {
			for (int r0 = 0; r0 < rows; r0 += chunk.length) {
				int n = Math.min(chunk.length, rows - r0);
				p.get(c * rows + r0, chunk, 0, n);
				for (int j = 0, o = r0 * cols + c; j < n; j++, o += cols) {
					float y = dense.finish(chunk[j], c);
					out[o] = relu ? Activations.relu(y) : y;
				}
			}
		}
		return out;
	}

	/**
	 * Indices of the neurons (columns) that are 0 for every row of a layer's output: ReLU units
	 * that no sample of the batch activates.
	 */
	public static int[] deadNeurons(FloatBatch output) {
		boolean[] alive = new boolean[output.cols()];
		float[] v = output.values();
		for (int r = 0, off = 0; r < output.rows(); r++, off += output.cols()) {
			for (int c = 0; c < alive.length; c++) {
				if (v[off + c] != 0f) {
					alive[c] = true;
				}
			}
		}
		int dead = 0;
		for (boolean a : alive) {
			dead += a ? 0 : 1;
		}
		int[] result = new int[dead];
		for (int c = 0, k = 0; c < alive.length; c++) {
			if (!alive[c]) {
				result[k++] = c;
			}
		}
		return result;
	}

}
