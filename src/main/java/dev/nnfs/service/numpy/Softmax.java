package dev.nnfs.service.numpy;

/**
 * Row-wise softmax and log-softmax over a row-major float32 buffer, bit for bit as numpy
 * computes them on x86-64 with AVX512F (see {@link NumpyFloat32} for the exp, log and sum
 * kernels and the numpy code they follow).
 *
 * <p>
 * softmax is the book's overflow-safe form, one row at a time: <pre>
 * e = np.exp(x - np.max(x, axis=1, keepdims=True))
 * p = e / np.sum(e, axis=1, keepdims=True)
 * </pre> and log-softmax is <pre>
 * s = x - np.max(x, axis=1, keepdims=True)
 * y = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
 * </pre> every step in float32: the subtraction and division are single float32
 * operations, the row maximum propagates NaN, the sum is numpy's pairwise sum. Because
 * the largest shifted element is 0, its exp is 1 and the sum lies in [1, cols]: neither
 * overflows for any finite input, and log-softmax never takes log(0). A row holding NaN,
 * or +inf, or only -inf, becomes NaN, as in numpy.
 *
 * <p>
 * The methods work in place and allocate nothing.
 */
public final class Softmax {

	private Softmax() {
	}

	/**
	 * Replaces each row of {@code values[0 .. rows*cols)} (row-major) by its softmax.
	 * @throws IllegalArgumentException if rows or cols is negative, cols is 0 while rows
	 * is not (numpy's max of an empty row is an error), or the buffer is shorter than
	 * rows*cols
	 */
	public static void softmaxRowsInPlace(float[] values, int rows, int cols) {
		checkShape(values, rows, cols);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			int end = off + cols;
			float max = rowMax(values, off, end);
			for (int i = off; i < end; i++) {
				values[i] = NumpyFloat32.exp(values[i] - max);
			}
			float sum = NumpyFloat32.sum(values, off, cols);
			for (int i = off; i < end; i++) {
				values[i] = values[i] / sum;
			}
		}
	}

	/**
	 * Replaces each row of {@code values[0 .. rows*cols)} (row-major) by its log-softmax,
	 * {@code x - max(x) - log(sum(exp(x - max(x))))}.
	 * @throws IllegalArgumentException as {@link #softmaxRowsInPlace(float[], int, int)}
	 */
	public static void logSoftmaxRowsInPlace(float[] values, int rows, int cols) {
		checkShape(values, rows, cols);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			int end = off + cols;
			float max = rowMax(values, off, end);
			for (int i = off; i < end; i++) {
				values[i] = values[i] - max;
			}
			float logSum = NumpyFloat32.log(NumpyFloat32.sumExp(values, off, cols));
			for (int i = off; i < end; i++) {
				values[i] = values[i] - logSum;
			}
		}
	}

	/** np.max of a non-empty run: NaN as soon as one element is NaN. */
	private static float rowMax(float[] values, int from, int to) {
		float max = values[from];
		for (int i = from + 1; i < to; i++) {
			float v = values[i];
			if (v > max || v != v) {
				max = v;
				if (v != v) {
					break;
				}
			}
		}
		return max;
	}

	private static void checkShape(float[] values, int rows, int cols) {
		if (rows < 0 || cols < 0) {
			throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
		}
		if (cols == 0 && rows > 0) {
			throw new IllegalArgumentException("softmax of an empty row");
		}
		long size = (long) rows * cols;
		if (values.length < size) {
			throw new IllegalArgumentException(
					"buffer of " + values.length + " floats is shorter than " + rows + " x " + cols);
		}
	}

}
