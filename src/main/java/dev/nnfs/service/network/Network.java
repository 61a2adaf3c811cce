package dev.nnfs.service.network;

import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.List;

/**
 * A stack of {@link DenseLayer}s and {@link ActivationLayer}s, run forward on a batch:
 * {@code [batch, in] → ... → [batch, out]}, by a {@link ForwardEngine}.
 */
public final class Network {

	private final List<Layer> layers;

	private final ForwardEngine engine;

	/** A network run by {@link ForwardEngine#standard()}. */
	public Network(List<Layer> layers) {
		this(layers, ForwardEngine.standard());
	}

	public Network(List<Layer> layers, ForwardEngine engine) {
		this.layers = List.copyOf(layers);
		this.engine = engine;
	}

	/** The engine this network runs on. */
	public ForwardEngine engine() {
		return engine;
	}

	public List<Layer> layers() {
		return layers;
	}

	/**
	 * Runs the batch through every layer with this network's engine.
	 * @param keepLayerOutputs whether to return each layer's output (else only the last)
	 * @return one batch per layer when {@code keepLayerOutputs}, else a single-element
	 * list
	 */
	public List<FloatBatch> forward(FloatBatch inputs, boolean keepLayerOutputs) {
		return engine.forward(layers, inputs, keepLayerOutputs);
	}

	/**
	 * Runs a batch of either dtype: float32 with this network's engine, float64 with
	 * {@link Float64Pass}. The layers must be of the batch's dtype.
	 */
	public List<? extends Batch> forward(Batch inputs, boolean keepLayerOutputs) {
		if (inputs instanceof DoubleBatch d) {
			return Float64Pass.forward(layers, d, keepLayerOutputs);
		}
		return engine.forward(layers, (FloatBatch) inputs, keepLayerOutputs);
	}

	/**
	 * Whether the output for {@code inputs} may be written while it is computed
	 * ({@link StreamedForwardResponse}; {@link ForwardEngine#streams}).
	 */
	boolean streams(FloatBatch inputs) {
		return engine.streams(layers, inputs);
	}

	/**
	 * Indices of the neurons (columns) that are 0 for every row of a layer's output: ReLU
	 * units that no sample of the batch activates.
	 */
	public static int[] deadNeurons(Batch output) {
		boolean[] alive = new boolean[output.cols()];
		for (int r = 0, off = 0; r < output.rows(); r++, off += output.cols()) {
			for (int c = 0; c < alive.length; c++) {
				if (output.value(off + c) != 0.0) {
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
