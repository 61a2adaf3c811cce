package dev.nnfs.service.network;

import dev.nnfs.service.dataset.NumpyRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * nnfs's {@code Layer_Dense}: {@code output = X · W + b}, with X {@code [batch, in]}, W
 * {@code [in, out]}, b {@code [out]}, output {@code [batch, out]}.
 *
 * <p>Arithmetic as under {@code nnfs.init()}: the product is accumulated in float64 (both
 * operands widened) and rounded to float32, then the float32 bias is added in float32. Results
 * therefore do not depend on BLAS kernels or thread counts.
 */
public final class DenseLayer {

	private final int inputs;

	private final int neurons;

	private final float[] weights;

	private final float[] biases;

	/**
	 * @param weights row-major {@code [inputs, neurons]}
	 * @param biases {@code [neurons]}
	 */
	public DenseLayer(int inputs, int neurons, float[] weights, float[] biases) {
		if (weights.length != (long) inputs * neurons || biases.length != neurons) {
			throw new IllegalArgumentException("weights must be [" + inputs + ", " + neurons + "] and biases ["
					+ neurons + "]");
		}
		this.inputs = inputs;
		this.neurons = neurons;
		this.weights = weights;
		this.biases = biases;
	}

	/**
	 * nnfs's initialisation: {@code weights = scale * np.random.randn(inputs, neurons)} (float32
	 * draws times float32 scale, row-major), {@code biases = zeros}. Draws
	 * {@code inputs * neurons} normals from {@code rng}.
	 */
	public static DenseLayer seeded(int inputs, int neurons, float scale, NumpyRandom rng) {
		float[] w = new float[inputs * neurons];
		rng.fillRandnFloat32(w, 0, w.length);
		for (int i = 0; i < w.length; i++) {
			w[i] *= scale;
		}
		return new DenseLayer(inputs, neurons, w, new float[neurons]);
	}

	public int inputs() {
		return inputs;
	}

	public int neurons() {
		return neurons;
	}

	/** The weights, row-major {@code [inputs, neurons]}; not a copy. */
	public float[] weights() {
		return weights;
	}

	/** The biases {@code [neurons]}; not a copy. */
	public float[] biases() {
		return biases;
	}

	/**
	 * {@code float32(float64(x) · float64(W)) + b} for x {@code [batch, inputs]} FLOAT. Returns a
	 * new {@code [batch, neurons]} FLOAT array owned by the caller.
	 */
	public INDArray forward(INDArray x) {
		long rows = x.size(0);
		// GEMM writes an f-order result several times faster than a c-order one; the float32
		// copy that follows rounds and reorders in one op.
		try (INDArray xd = x.castTo(DataType.DOUBLE);
				INDArray wd = Nd4j.create(toDoubles(weights), new long[] { inputs, neurons }, 'c');
				INDArray product = Nd4j.createUninitialized(DataType.DOUBLE, new long[] { rows, neurons }, 'f')) {
			Nd4j.gemm(xd, wd, product, false, false, 1.0, 0.0);
			INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] { rows, neurons }, 'c');
			out.assign(product);
			try (INDArray b = Nd4j.create(biases, new long[] { 1, neurons }, 'c')) {
				out.addiRowVector(b);
			}
			return out;
		}
	}

	private static double[] toDoubles(float[] values) {
		double[] d = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			d[i] = values[i];
		}
		return d;
	}

}
