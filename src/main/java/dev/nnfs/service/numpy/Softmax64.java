package dev.nnfs.service.numpy;

/**
 * Row-wise softmax and log-softmax over a row-major float64 buffer, as numpy computes
 * them in float64 (plain numpy, without {@code nnfs.init()}): <pre>
 * e = np.exp(x - np.max(x, axis=1, keepdims=True))
 * p = e / np.sum(e, axis=1, keepdims=True)
 * </pre> and log-softmax (the float64 twin of {@link Softmax}'s) <pre>
 * s = x - np.max(x, axis=1, keepdims=True)
 * y = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
 * </pre> every step in float64: the subtraction and division are single float64
 * operations, the row maximum propagates NaN, the sum is numpy's pairwise sum
 * ({@link #sum}).
 *
 * <p>
 * numpy's float64 {@code np.exp} and {@code np.log} on x86-64 without AVX512F call the C
 * library's exp and log (glibc's, which round correctly in all but extremely rare cases);
 * here they are {@link DoubleDouble#exp(double)} and {@link DoubleDouble#log(double)},
 * correctly rounded unless the exact value lies within 2^-90 (relative) of a midpoint, so
 * the results agree with numpy's bit for bit except where glibc itself is off by an ulp
 * (checked on the cells in {@code Softmax64Tests}). numpy with AVX512F runs its own SIMD
 * float64 exp and log, which may differ in the last bit.
 *
 * <p>
 * The largest shifted element is 0, so its exp is 1 and the sum lies in [1, cols]:
 * neither overflows for any finite input, and log-softmax never takes log(0). A row
 * holding NaN, or +inf, or only -inf, becomes NaN, as in numpy. The methods work in place
 * and allocate nothing but the double-double temporaries.
 */
public final class Softmax64 {

	/** Block size of numpy's pairwise summation ({@code PW_BLOCKSIZE}). */
	private static final int PW_BLOCKSIZE = 128;

	private Softmax64() {
	}

	/**
	 * Replaces each row of {@code values[0 .. rows*cols)} (row-major) by its softmax.
	 * @throws IllegalArgumentException if rows or cols is negative, cols is 0 while rows
	 * is not (numpy's max of an empty row is an error), or the buffer is shorter than
	 * rows*cols
	 */
	public static void softmaxRowsInPlace(double[] values, int rows, int cols) {
		checkShape(values, rows, cols);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			int end = off + cols;
			double max = rowMax(values, off, end);
			for (int i = off; i < end; i++) {
				values[i] = DoubleDouble.exp(values[i] - max);
			}
			double sum = sum(values, off, cols);
			for (int i = off; i < end; i++) {
				values[i] = values[i] / sum;
			}
		}
	}

	/**
	 * Replaces each row of {@code values[0 .. rows*cols)} (row-major) by its log-softmax,
	 * {@code x - max(x) - log(sum(exp(x - max(x))))}.
	 * @throws IllegalArgumentException as {@link #softmaxRowsInPlace(double[], int, int)}
	 */
	public static void logSoftmaxRowsInPlace(double[] values, int rows, int cols) {
		checkShape(values, rows, cols);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			int end = off + cols;
			double max = rowMax(values, off, end);
			for (int i = off; i < end; i++) {
				values[i] = values[i] - max;
			}
			double logSum = DoubleDouble.log(sumExp(values, off, cols));
			for (int i = off; i < end; i++) {
				values[i] = values[i] - logSum;
			}
		}
	}

	/**
	 * {@code np.sum} of {@code n} contiguous float64 starting at {@code offset}, in
	 * numpy's order for a C-contiguous reduction along the last axis: the identity 0 plus
	 * numpy's pairwise sum ({@code DOUBLE_pairwise_sum}; the same order as
	 * {@link NumpyFloat32#sum}: fewer than 8 elements left to right, up to 128 in 8
	 * interleaved accumulators combined as {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}
	 * then the remainder, longer runs split at {@code n/2} rounded down to a multiple of
	 * 8).
	 */
	public static double sum(double[] values, int offset, int n) {
		return 0.0 + pairwiseSum(values, offset, n, false);
	}

	/** {@code np.sum(np.exp(a))} of a run, without storing the exps. */
	static double sumExp(double[] values, int offset, int n) {
		return 0.0 + pairwiseSum(values, offset, n, true);
	}

	private static double term(double[] a, int i, boolean exp) {
		return exp ? DoubleDouble.exp(a[i]) : a[i];
	}

	private static double pairwiseSum(double[] a, int off, int n, boolean exp) {
		if (n < 8) {
			double res = -0.0;
			for (int i = 0; i < n; i++) {
				res += term(a, off + i, exp);
			}
			return res;
		}
		if (n <= PW_BLOCKSIZE) {
			double r0 = term(a, off, exp);
			double r1 = term(a, off + 1, exp);
			double r2 = term(a, off + 2, exp);
			double r3 = term(a, off + 3, exp);
			double r4 = term(a, off + 4, exp);
			double r5 = term(a, off + 5, exp);
			double r6 = term(a, off + 6, exp);
			double r7 = term(a, off + 7, exp);
			int i = 8;
			int end = n - (n % 8);
			for (; i < end; i += 8) {
				int p = off + i;
				r0 += term(a, p, exp);
				r1 += term(a, p + 1, exp);
				r2 += term(a, p + 2, exp);
				r3 += term(a, p + 3, exp);
				r4 += term(a, p + 4, exp);
				r5 += term(a, p + 5, exp);
				r6 += term(a, p + 6, exp);
				r7 += term(a, p + 7, exp);
			}
			double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
			for (; i < n; i++) {
				res += term(a, off + i, exp);
			}
			return res;
		}
		int n2 = n / 2;
		n2 -= n2 % 8;
		return pairwiseSum(a, off, n2, exp) + pairwiseSum(a, off + n2, n - n2, exp);
	}

	/** np.max of a non-empty run: NaN as soon as one element is NaN. */
	private static double rowMax(double[] values, int from, int to) {
		double max = values[from];
		for (int i = from + 1; i < to; i++) {
			double v = values[i];
			if (v > max || v != v) {
				max = v;
				if (v != v) {
					break;
				}
			}
		}
		return max;
	}

	private static void checkShape(double[] values, int rows, int cols) {
		if (rows < 0 || cols < 0) {
			throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
		}
		if (cols == 0 && rows > 0) {
			throw new IllegalArgumentException("softmax of an empty row");
		}
		long size = (long) rows * cols;
		if (values.length < size) {
			throw new IllegalArgumentException(
					"buffer of " + values.length + " doubles is shorter than " + rows + " x " + cols);
		}
	}

}
