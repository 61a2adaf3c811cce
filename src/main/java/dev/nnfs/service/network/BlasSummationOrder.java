package dev.nnfs.service.network;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether the BLAS in use computes each dot product of a dgemm as the forward engine's
 * Java kernels do ({@link ColumnKernels}): the exact float64 products summed in input
 * order from +0.0. Then a batch gives the same bits whichever path it takes (small
 * batches run in Java, large ones through dgemm). OpenBLAS's kernels differ here: its
 * Haswell and SkylakeX kernels sum in order, its Cooperlake kernels do not; which ones
 * load depends on the CPU and on {@code OPENBLAS_CORETYPE} (see the image's
 * {@code with-blas-kernels}). When they do not, a float32 result of a large batch can
 * differ in its last bit from the same rows sent as a small batch.
 */
public final class BlasSummationOrder {

	private BlasSummationOrder() {
	}

	/**
	 * Runs one dgemm shaped like the service's blocks (256 × 64 by 64 × 64, float32
	 * values of mixed magnitudes, so that the order of a sum shows in its bits), through
	 * the call the engine makes ({@link NativeScratch#gemm}), and compares every result
	 * with the in-order sum.
	 * @return how many of the 16,384 results differ from the in-order sum (0 when the
	 * BLAS sums in input order)
	 */
	public static int mismatches() {
		int n = 256;
		int k = 64;
		int m = 64;
		SplittableRandom random = new SplittableRandom(1);
		double[][] x = new double[k][n];
		double[] w = new double[k * m];
		for (double[] column : x) {
			for (int r = 0; r < n; r++) {
				column[r] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
			}
		}
		for (int i = 0; i < w.length; i++) {
			w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
		}
		double[][] product = new double[m][n];
		int mismatches = 0;
		try (INDArray b = Nd4j.create(w, new long[] { k, m }, 'c'); NativeScratch scratch = new NativeScratch()) {
			scratch.gemm(x, n, k, b, null, m, product, 0, EngineSettings.defaults().gemmCallRows(n, k, m));
			for (int r = 0; r < n; r++) {
				for (int c = 0; c < m; c++) {
					double s = 0.0;
					for (int j = 0; j < k; j++) {
						s += x[j][r] * w[j * m + c];
					}
					if (Double.doubleToRawLongBits(s) != Double.doubleToRawLongBits(product[c][r])) {
						mismatches++;
					}
				}
			}
		}
		return mismatches;
	}

}
