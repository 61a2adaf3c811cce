package dev.nnfs.service.activation;

import dev.nnfs.service.tensor.NdArrays;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every activation gives the same bits on an ND4J array as on a float[] (the accuracy of
 * the element-wise kernels is {@link Kernels32Tests}').
 */
class FloatKernelsTests {

	@Test
	void javaAndNd4jKernelsAgreeBitForBit() {
		SplittableRandom random = new SplittableRandom(3);
		int rows = 200;
		int cols = 7;
		float[] values = new float[rows * cols];
		float[] specials = { 0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
				88.8f, -104f, 1e-30f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
				Float.intBitsToFloat(0xFFC00000) };
		for (int i = 0; i < values.length; i++) {
			values[i] = i < specials.length ? specials[i]
					: (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-5, 5)));
		}
		for (Activation a : Activations.standard().all()) {
			double[] params = a.defaults();
			float[] java = values.clone();
			a.applyInPlace(java, rows, cols, params);
			try (INDArray x = NdArrays.matrix(values.clone(), rows, cols)) {
				a.applyInPlace(x, params);
				float[] nd4j = NdArrays.toFloats(x);
				for (int i = 0; i < java.length; i++) {
					// NaN's sign and payload are not specified by Java or C arithmetic
					// (they vary between
					// the interpreter and compiled code); any NaN matches any NaN.
					boolean bothNaN = Float.isNaN(java[i]) && Float.isNaN(nd4j[i]);
					if (!bothNaN && Float.floatToRawIntBits(java[i]) != Float.floatToRawIntBits(nd4j[i])) {
						throw new AssertionError(
								a.name() + " of " + values[i] + ": " + java[i] + " but ND4J gives " + nd4j[i]);
					}
				}
			}
		}
	}

}
