package dev.nnfs.service.numpy;

/**
 * numpy's float64 reductions, in numpy's order, so that sums and means come out bit for
 * bit as numpy's: the float64 counterpart of {@link NumpyFloat32}'s sums.
 */
public final class NumpyFloat64 {

	/** Block size of numpy's pairwise summation ({@code PW_BLOCKSIZE}). */
	private static final int PW_BLOCKSIZE = 128;

	private NumpyFloat64() {
	}

	/**
	 * {@code np.sum} of {@code n} contiguous float64 starting at {@code offset}, in
	 * numpy's order for a C-contiguous reduction along the last axis: the identity 0 plus
	 * {@code DOUBLE_pairwise_sum} of all n elements (fewer than 8 added left to right; up
	 * to 128 in 8 interleaved accumulators combined as
	 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, then the remainder left to right;
	 * longer runs split at {@code n/2} rounded down to a multiple of 8).
	 */
	public static double sum(double[] values, int offset, int n) {
		return 0.0 + pairwiseSum(values, offset, n);
	}

	/** {@code np.mean} of {@code n} contiguous float64: {@link #sum} divided by n. */
	public static double mean(double[] values, int offset, int n) {
		return sum(values, offset, n) / n;
	}

	private static double pairwiseSum(double[] a, int off, int n) {
		if (n < 8) {
			double res = -0.0;
			for (int i = 0; i < n; i++) {
				res += a[off + i];
			}
			return res;
		}
		if (n <= PW_BLOCKSIZE) {
			double r0 = a[off];
			double r1 = a[off + 1];
			double r2 = a[off + 2];
			double r3 = a[off + 3];
			double r4 = a[off + 4];
			double r5 = a[off + 5];
			double r6 = a[off + 6];
			double r7 = a[off + 7];
			int i = 8;
			int end = n - (n % 8);
			for (; i < end; i += 8) {
				int p = off + i;
				r0 += a[p];
				r1 += a[p + 1];
				r2 += a[p + 2];
				r3 += a[p + 3];
				r4 += a[p + 4];
				r5 += a[p + 5];
				r6 += a[p + 6];
				r7 += a[p + 7];
			}
			double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
			for (; i < n; i++) {
				res += a[off + i];
			}
			return res;
		}
		int n2 = n / 2;
		n2 -= n2 % 8;
		return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
	}

}
