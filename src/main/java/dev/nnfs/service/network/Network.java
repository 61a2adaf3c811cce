package dev.nnfs.service.network;

import java.util.ArrayList;
import java.util.List;

import dev.nnfs.service.json.FloatBatch;
import dev.nnfs.service.json.NdArrays;
import dev.nnfs.service.web.ComputeDeadline;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stack of {@link DenseLayer}s and {@link ActivationLayer}s, run forward on a batch:
 * {@code [batch, in] → ... → [batch, out]}. Every intermediate array is released as soon as the
 * next layer has consumed it.
 */
public final class Network {

	private final List<Object> layers;

	public Network(List<Object> layers) {
		for (Object layer : layers) {
			if (!(layer instanceof DenseLayer) && !(layer instanceof ActivationLayer)) {
				throw new IllegalArgumentException("not a layer: " + layer);
			}
		}
		this.layers = List.copyOf(layers);
	}

	public List<Object> layers() {
		return layers;
	}

	/**
	 * Runs the batch through every layer.
	 * @param keepLayerOutputs whether to return each layer's output (else only the last)
	 * @return one batch per layer when {@code keepLayerOutputs}, else a single-element list
	 */
	public List<FloatBatch> forward(FloatBatch inputs, boolean keepLayerOutputs) {
		List<FloatBatch> outputs = new ArrayList<>();
		INDArray x = NdArrays.toNdArray(inputs);
		try {
			for (int i = 0; i < layers.size(); i++) {
				ComputeDeadline.check();
				Object layer = layers.get(i);
				if (layer instanceof DenseLayer dense) {
					INDArray next = dense.forward(x);
					x.close();
					x = next;
				}
				else {
					ActivationLayer activation = (ActivationLayer) layer;
					activation.activation().applyInPlace(x, activation.params());
				}
				if (keepLayerOutputs || i == layers.size() - 1) {
					outputs.add(NdArrays.toBatch(x, inputs));
				}
			}
			return outputs;
		}
		finally {
			x.close();
		}
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
