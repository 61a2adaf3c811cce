package dev.nnfs.service.network;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Float32Kernels#finish}: the dense layer's float32 rounding, its bias and a
 * folded ReLU, against numpy's definitions written out per value:
 * {@code np.float32(s) + b}, then {@code np.maximum(0, y)}, which in numpy 2 keeps NaN
 * and -0.0 and turns every other negative, {@code -inf} included, into +0.0.
 */
class Float32KernelsTests {

	private static final float[] BIASES = { 0f, -0f, 0.5f, -0.5f, Float.MIN_VALUE, -Float.MIN_VALUE, 3e38f };

	@Test
	void foldedReluGivesNumpysBitsForEveryBiasSignIncludingNegativeZero() {
		double[] special = { 0.0, -1e-60, 1e-60, -0.5, 0.5, -1e300, 1e300, Double.NaN, Double.NEGATIVE_INFINITY,
				Double.POSITIVE_INFINITY, -Float.MIN_VALUE, -0x1p-150, 0x1p-150, -3.4028235e38 };
		SplittableRandom random = new SplittableRandom(14);
		int n = special.length + 4096;
		double[] sums = new double[n];
		System.arraycopy(special, 0, sums, 0, special.length);
		for (int i = special.length; i < n; i++) {
			sums[i] = random.nextDouble(-2, 2) * Math.scalb(1.0, random.nextInt(-160, 10));
		}
		for (float b : BIASES) {
			for (boolean relu : new boolean[] { false, true }) {
				double[] s = sums.clone();
				Float32Kernels.finish(s, n, b, relu, new float[n]);
				for (int i = 0; i < n; i++) {
					float y = (float) sums[i] + b;
					float expected = !relu || !(y < 0f) ? y : 0f;
					assertThat(Float.floatToRawIntBits((float) s[i])).as("relu %s, bias %s, sum %s", relu, b, sums[i])
						.isEqualTo(Float.floatToRawIntBits(expected));
					assertThat(Double.valueOf(s[i])).isEqualTo(Double.valueOf((float) s[i]));
				}
			}
		}
	}

	@Test
	void negativeZeroSurvivesTheReluOnlyWhenBothTheRoundedSumAndTheBiasAreNegativeZero() {
		double[] negativeBias = { -1e-60, 1e-60 };
		double[] positiveBias = { -1e-60, 1e-60 };
		Float32Kernels.finish(negativeBias, 2, -0f, true, new float[2]);
		Float32Kernels.finish(positiveBias, 2, 0f, true, new float[2]);
		assertThat(negativeBias).containsExactly(-0.0, 0.0);
		assertThat(Double.doubleToRawLongBits(negativeBias[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
		assertThat(Double.doubleToRawLongBits(positiveBias[0])).isEqualTo(Double.doubleToRawLongBits(0.0));
		assertThat(Double.doubleToRawLongBits(positiveBias[1])).isEqualTo(Double.doubleToRawLongBits(0.0));
	}

}
