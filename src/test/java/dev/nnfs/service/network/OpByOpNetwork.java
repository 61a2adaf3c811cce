package dev.nnfs.service.network;

import dev.nnfs.service.tensor.FloatBatch;
import dev.nnfs.service.tensor.TestArrays;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The straightforward pipeline the service's paths are checked and benchmarked against:
 * every layer as ND4J ops on a fresh array ({@code float32(float64(x) · float64(W))},
 * then the float32 bias; activations through their ND4J kernels).
 */
public final class OpByOpNetwork {

	private OpByOpNetwork() {
	}

	/** Each layer's output when {@code keepLayerOutputs}, else only the last one's. */
	public static List<FloatBatch> forward(Network network, FloatBatch inputs, boolean keepLayerOutputs) {
		List<FloatBatch> outputs = new ArrayList<>();
		List<Layer> layers = network.layers();
		INDArray x = TestArrays.toNdArray(inputs);
		try {
			for (int i = 0; i < layers.size(); i++) {
				if (layers.get(i) instanceof DenseLayer d) {
					INDArray next = dense(d, x);
					x.close();
					x = next;
				}
				else {
					ActivationLayer a = (ActivationLayer) layers.get(i);
					a.activation().applyInPlace(x, a.params());
				}
				if (keepLayerOutputs || i == layers.size() - 1) {
					outputs.add(TestArrays.toBatch(x, inputs));
				}
			}
			return outputs;
		}
		finally {
			x.close();
		}
	}

	/**
	 * {@code [batch, inputs]} FLOAT in, a new {@code [batch, neurons]} FLOAT array out.
	 */
	static INDArray dense(DenseLayer layer, INDArray x) {
		long rows = x.size(0);
		try (INDArray xd = x.castTo(DataType.DOUBLE);
				INDArray wf = Nd4j.create(layer.weights(), new long[] { layer.inputs(), layer.neurons() }, 'c');
				INDArray w = wf.castTo(DataType.DOUBLE);
				INDArray product = Nd4j.createUninitialized(DataType.DOUBLE, new long[] { rows, layer.neurons() },
						'f')) {
			Nd4j.gemm(xd, w, product, false, false, 1.0, 0.0);
			INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] { rows, layer.neurons() }, 'c');
			out.assign(product);
			try (INDArray b = Nd4j.create(layer.biases(), new long[] { 1, layer.neurons() }, 'c')) {
				out.addiRowVector(b);
			}
			return out;
		}
	}

}
