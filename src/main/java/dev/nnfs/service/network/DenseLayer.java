package dev.nnfs.service.network;

import dev.nnfs.service.numpy.NumpyRandom;

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
public final class DenseLayer implements Layer {

	private final int inputs;

	private final int neurons;

	private final float[] weights;

	private final float[] biases;

	/** The weights as float64, made on first use. */
	private volatile double[] widened;

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
	 * {@code out = float32(float64(x) · float64(W)) + b} in plain Java, for x {@code [rows, inputs]}
	 * and out {@code [rows, neurons]}, both row-major. Each dot product is summed in float64 in
	 * the order of the inputs, as OpenBLAS's dgemm does with the kernels the service is started
	 * with ({@link BlasSummationOrder}): the float64 products of float32 values are exact, so only
	 * that order matters.
	 */
	public void forward(float[] x, int rows, float[] out) {
		double[] w = widenedWeights();
		double[] acc = new double[neurons];
		for (int r = 0; r < rows; r++) {
			java.util.Arrays.fill(acc, 0.0);
			for (int k = 0, xo = r * inputs, wo = 0; k < inputs; k++, wo += neurons) {
				double xk = x[xo + k];
				for (int c = 0; c < neurons; c++) {
					acc[c] += xk * w[wo + c];
				}
			}
			for (int c = 0, oo = r * neurons; c < neurons; c++) {
				out[oo + c] = (float) acc[c] + biases[c];
			}
		}
	}

	/**
	 * {@code product = float64(x) · float64(W)} with BLAS: x {@code [rows, inputs]} DOUBLE (either
	 * order), product {@code [rows, neurons]} DOUBLE, f-order (GEMM writes f-order several times
	 * faster than c-order). Rounding to float32 and the bias are the caller's: see
	 * {@link #finish(double, int)}.
	 */
	public void product(INDArray x, INDArray product) {
		try (INDArray w = Nd4j.create(widenedWeights(), new long[] { inputs, neurons }, 'c')) {
			Nd4j.gemm(x, w, product, false, false, 1.0, 0.0);
		}
	}

	/** The float32 output of neuron {@code c} from its float64 dot product. */
	public float finish(double dot, int c) {
		return (float) dot + biases[c];
	}

	/** The weights as float64, row-major {@code [inputs, neurons]}; not a copy. */
	double[] widenedWeights() {
		double[] w = widened;
		if (w == null) {
			w = toDoubles(weights);
			widened = w;
		}
		return w;
	}

	private static double[] toDoubles(float[] values) {
		double[] d = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			d[i] = values[i];
		}
		return d;
	}

}
