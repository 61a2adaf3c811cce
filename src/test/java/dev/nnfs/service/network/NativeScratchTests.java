package dev.nnfs.service.network;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NativeScratch#gemm}: the inputs that are ±0.0 in every row are left out, and the
 * product has the bits of the in-order sums over all inputs
 * ({@link ColumnKernels#product}).
 */
class NativeScratchTests {

	private static final int ROWS = 300;

	private static final int K = 24;

	private static final int M = 16;

	private static double[][] columns(SplittableRandom random) {
		double[][] x = new double[K][ROWS];
		for (double[] column : x) {
			for (int r = 0; r < ROWS; r++) {
				// ReLU outputs: about half +0.0, the rest float32 values of mixed size
				column[r] = random.nextBoolean() ? 0.0
						: (float) (Math.abs(random.nextGaussian()) * Math.pow(10, random.nextInt(-3, 4)));
			}
		}
		return x;
	}

	private static double[] weights(SplittableRandom random) {
		double[] w = new double[K * M];
		for (int i = 0; i < w.length; i++) {
			w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
		}
		return w;
	}

	private static int skipping(double[][] x, double[] w, double[][] product) {
		double[][] copy = new double[K][];
		for (int j = 0; j < K; j++) {
			copy[j] = x[j].clone();
		}
		try (NativeScratch scratch = new NativeScratch(); INDArray b = Nd4j.create(w, new long[] { K, M }, 'c')) {
			return scratch.gemm(copy, ROWS, K, b, w, M, product, 0, 100);
		}
	}

	private static void assertInOrderSums(double[][] x, double[] w, double[][] product) {
		double[][] expected = new double[M][ROWS];
		ColumnKernels.product(x, K, w, M, ROWS, expected);
		for (int c = 0; c < M; c++) {
			for (int r = 0; r < ROWS; r++) {
				assertThat(Double.doubleToRawLongBits(product[c][r])).as("neuron %d, row %d", c, r)
					.isEqualTo(Double.doubleToRawLongBits(expected[c][r]));
			}
		}
	}

	@Test
	void inputsZeroInEveryRowAreLeftOutAndTheSumsKeepTheirBits() {
		SplittableRandom random = new SplittableRandom(21);
		double[][] x = columns(random);
		double[] w = weights(random);
		// columns 0, 5, 6 and 23 all +0.0, column 9 all -0.0, column 12 zero but one row
		for (int j : new int[] { 0, 5, 6, 23, 12 }) {
			java.util.Arrays.fill(x[j], 0.0);
		}
		java.util.Arrays.fill(x[9], -0.0);
		x[12][ROWS - 1] = 3.5;
		double[][] product = new double[M][ROWS];
		assertThat(skipping(x, w, product)).isEqualTo(K - 5);
		assertInOrderSums(x, w, product);
	}

	@Test
	void noInputLeftOutIsTheFullProductAndAllLeftOutIsZero() {
		SplittableRandom random = new SplittableRandom(22);
		double[][] x = columns(random);
		double[] w = weights(random);
		double[][] product = new double[M][ROWS];
		assertThat(skipping(x, w, product)).isEqualTo(K);
		assertInOrderSums(x, w, product);
		for (double[] column : x) {
			java.util.Arrays.fill(column, 0.0);
		}
		for (double[] column : product) {
			java.util.Arrays.fill(column, Double.NaN);
		}
		assertThat(skipping(x, w, product)).isZero();
		assertInOrderSums(x, w, product);
	}

	@Test
	void aNaNIsNotZero() {
		SplittableRandom random = new SplittableRandom(23);
		double[][] x = columns(random);
		double[] w = weights(random);
		java.util.Arrays.fill(x[3], 0.0);
		x[3][7] = Double.NaN;
		double[][] product = new double[M][ROWS];
		assertThat(skipping(x, w, product)).isEqualTo(K);
		assertThat(product[0][7]).isNaN();
	}

}
