package dev.nnfs.service.network;

import dev.nnfs.service.numpy.Libm;
import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import dev.nnfs.service.numpy.NumpyRandom;

/**
 * nnfs's {@code Layer_Dense}: {@code output = X · W + b}, with X {@code [batch, in]}, W
 * {@code [in, out]}, b {@code [out]}, output {@code [batch, out]}.
 *
 * <p>
 * Arithmetic as under {@code nnfs.init()}: the product is accumulated in float64 (both
 * operands widened) and rounded to float32, then the float32 bias is added in float32
 * ({@link ForwardEngine}; the kernels are {@link ColumnKernels},
 * {@link NativeScratch#gemm} and {@link Float32Kernels#finish}). Results therefore do not
 * depend on thread counts or block sizes, nor on BLAS kernels that sum in input order
 * ({@link BlasSummationOrder}).
 */
public final class DenseLayer implements Layer {

	private final int inputs;

	private final int neurons;

	private final float[] weights;

	private final float[] biases;

	private final double[] weights64;

	private final double[] biases64;

	/** The weights as float64, made on first use. */
	private volatile double[] widened;

	/**
	 * @param weights row-major {@code [inputs, neurons]}
	 * @param biases {@code [neurons]}
	 */
	public DenseLayer(int inputs, int neurons, float[] weights, float[] biases) {
		if (weights.length != (long) inputs * neurons || biases.length != neurons) {
			throw new IllegalArgumentException(
					"weights must be [" + inputs + ", " + neurons + "] and biases [" + neurons + "]");
		}
		this.inputs = inputs;
		this.neurons = neurons;
		this.weights = weights;
		this.biases = biases;
		this.weights64 = null;
		this.biases64 = null;
	}

	private DenseLayer(int inputs, int neurons, double[] weights, double[] biases) {
		if (weights.length != (long) inputs * neurons || biases.length != neurons) {
			throw new IllegalArgumentException(
					"weights must be [" + inputs + ", " + neurons + "] and biases [" + neurons + "]");
		}
		this.inputs = inputs;
		this.neurons = neurons;
		this.weights = null;
		this.biases = null;
		this.weights64 = weights;
		this.biases64 = biases;
	}

	/**
	 * A float64 layer, as plain numpy's {@code Layer_Dense} holds it: the
	 * {@code "dtype": "float64"} mode. Run by {@link Float64Pass}, never by the float32
	 * engine.
	 * @param weights row-major {@code [inputs, neurons]}
	 * @param biases {@code [neurons]}
	 */
	public static DenseLayer float64(int inputs, int neurons, double[] weights, double[] biases) {
		return new DenseLayer(inputs, neurons, weights, biases);
	}

	/**
	 * nnfs's initialisation in plain numpy: {@code weights = scale * randn(inputs,
	 * neurons)} in float64 (the draws' {@code log} from {@code libm}), zero biases.
	 */
	public static DenseLayer seeded64(int inputs, int neurons, double scale, NumpyRandom rng, Libm libm) {
		double[] w = new double[inputs * neurons];
		rng.fillRandn(w, 0, w.length, libm);
		for (int i = 0; i < w.length; i++) {
			w[i] = scale * w[i];
		}
		return new DenseLayer(inputs, neurons, w, new double[neurons]);
	}

	/** float32 (the engine's layers) or float64 ({@link #float64}). */
	public DType dtype() {
		return weights64 == null ? DType.FLOAT32 : DType.FLOAT64;
	}

	/** The float64 weights, row-major {@code [inputs, neurons]}; not a copy. */
	public double[] weights64() {
		return weights64;
	}

	/** The float64 biases; not a copy. */
	public double[] biases64() {
		return biases64;
	}

	/**
	 * This layer in {@code mode}: itself, or a copy whose weights and biases are widened
	 * exactly to float64 or rounded to float32, for a call in the other mode (an FP64
	 * tensor sent to a float32 model).
	 */
	public DenseLayer in(DType mode) {
		if (mode == dtype()) {
			return this;
		}
		return mode == DType.FLOAT64 ? float64(inputs, neurons, FloatBatch.widen(weights), FloatBatch.widen(biases))
				: new DenseLayer(inputs, neurons, DoubleBatch.round(weights64), DoubleBatch.round(biases64));
	}

	/** The weights as a {@code [inputs, neurons]} batch of the layer's dtype. */
	public Batch weightBatch() {
		return weights64 == null ? FloatBatch.of(weights, inputs, neurons) : DoubleBatch.of(weights64, inputs, neurons);
	}

	/** The biases as a rank-1 batch of the layer's dtype. */
	public Batch biasBatch() {
		return biases64 == null ? FloatBatch.vector(biases) : DoubleBatch.vector(biases64);
	}

	/**
	 * nnfs's initialisation: {@code weights = scale * np.random.randn(inputs, neurons)}
	 * (float32 draws times float32 scale, row-major), {@code biases = zeros}. Draws
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

	/** The weights as float64, row-major {@code [inputs, neurons]}; not a copy. */
	double[] widenedWeights() {
		double[] w = widened;
		if (w == null) {
			w = FloatBatch.widen(weights);
			widened = w;
		}
		return w;
	}

}
