package dev.nnfs.service.network;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup check's verdict matches what the two paths of a dense layer actually do: when the
 * BLAS sums in input order, a dense layer through dgemm and through Java agree on the float64 sums
 * themselves, checked here before any rounding hides a difference.
 */
class BlasSummationOrderTests {

	@Test
	void theVerdictMatchesTheFloat64SumsOfALayer() {
		SplittableRandom random = new SplittableRandom(9);
		int rows = 2_048;
		int k = 96;
		int m = 40;
		float[] x = new float[rows * k];
		float[] w = new float[k * m];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
		}
		for (int i = 0; i < w.length; i++) {
			w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
		}
		// The float64 products, before rounding: a different order shows in their bits far more often
		// than in the float32 outputs.
		DenseLayer dense = new DenseLayer(k, m, w, new float[m]);
		double[] blas = new double[rows * m];
		try (var scratch = NativeScratch.lend((long) rows * Math.max(k, m))) {
			var in = scratch.matrix(0, rows, k, 'c');
			for (int i = 0; i < x.length; i++) {
				in.data().put(i, (double) x[i]);
			}
			var product = scratch.matrix(1, rows, m, 'f');
			dense.product(in, product);
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < m; c++) {
					blas[r * m + c] = product.getDouble(r, c);
				}
			}
		}
		int differ = 0;
		double[] wd = dense.widenedWeights();
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < m; c++) {
				double s = 0.0;
				for (int j = 0; j < k; j++) {
					s += (double) x[r * k + j] * wd[j * m + c];
				}
				differ += Double.doubleToRawLongBits(s) == Double.doubleToRawLongBits(blas[r * m + c]) ? 0 : 1;
			}
		}
		assertThat(differ == 0).as("%d of %d sums differ", differ, rows * m)
			.isEqualTo(BlasSummationOrder.mismatches() == 0);
	}

}
