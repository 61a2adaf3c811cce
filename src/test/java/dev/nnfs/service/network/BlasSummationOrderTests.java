package dev.nnfs.service.network;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup check's verdict matches what the engine's two products of a dense layer
 * actually do: when the BLAS sums in input order, the dgemm kernel
 * ({@link NativeScratch#gemm}) and the Java kernel ({@link ColumnKernels#product}) agree
 * on the float64 sums themselves, checked here before any rounding hides a difference.
 */
class BlasSummationOrderTests {

	@Test
	void theVerdictMatchesTheFloat64SumsOfALayer() {
		SplittableRandom random = new SplittableRandom(9);
		int rows = 2_048;
		int k = 96;
		int m = 40;
		// Float32 values of mixed magnitudes, as float64 columns x[j][r].
		double[][] x = new double[k][rows];
		double[] w = new double[k * m];
		for (double[] column : x) {
			for (int r = 0; r < rows; r++) {
				column[r] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
			}
		}
		for (int i = 0; i < w.length; i++) {
			w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
		}
		// The float64 products, before rounding: a different order shows in their bits
		// far more often
		// than in the float32 outputs.
		double[][] blas = new double[m][rows];
		try (NativeScratch scratch = new NativeScratch(); INDArray weights = Nd4j.create(w, new long[] { k, m }, 'c')) {
			scratch.gemm(x, rows, k, weights, null, m, blas, 0, rows);
		}
		double[][] java = new double[m][rows];
		ColumnKernels.product(x, k, w, m, rows, java);
		int differ = 0;
		for (int c = 0; c < m; c++) {
			for (int r = 0; r < rows; r++) {
				differ += Double.doubleToRawLongBits(java[c][r]) == Double.doubleToRawLongBits(blas[c][r]) ? 0 : 1;
			}
		}
		assertThat(differ == 0).as("%d of %d sums differ", differ, rows * m)
			.isEqualTo(BlasSummationOrder.mismatches() == 0);
	}

}
