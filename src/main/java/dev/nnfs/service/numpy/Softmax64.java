package dev.nnfs.service.numpy;

/**
 * numpy's float64 softmax and log-softmax, bit for bit when {@link Libm} is the C library
 * numpy calls: {@code e = np.exp(x - np.max(x, axis=1, keepdims=True))}, then
 * {@code e / np.sum(e, axis=1, keepdims=True)} (numpy's pairwise row sum,
 * {@link NumpyFloat64#sum}, and a true division per element). All the exponentials of a
 * batch are taken in one {@link Libm#exp} call.
 */
public final class Softmax64 {

	private Softmax64() {
	}

	/** Replaces each row of {@code values[0 .. rows*cols)} (row-major) by its softmax. */
	public static void softmaxRowsInPlace(double[] values, int rows, int cols, Libm libm) {
		checkShape(values, rows, cols);
		subtractRowMax(values, rows, cols);
		libm.exp(values, rows * cols);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			double sum = NumpyFloat64.sum(values, off, cols);
			for (int i = off, end = off + cols; i < end; i++) {
				values[i] = values[i] / sum;
			}
		}
	}

	/**
	 * Replaces each row by its log-softmax,
	 * {@code (x - max(x)) - log(sum(exp(x - max(x))))}, in float64.
	 */
	public static void logSoftmaxRowsInPlace(double[] values, int rows, int cols, Libm libm) {
		checkShape(values, rows, cols);
		subtractRowMax(values, rows, cols);
		double[] exps = java.util.Arrays.copyOf(values, rows * cols);
		libm.exp(exps, exps.length);
		double[] logSums = new double[rows];
		for (int row = 0; row < rows; row++) {
			logSums[row] = NumpyFloat64.sum(exps, row * cols, cols);
		}
		libm.log(logSums, rows);
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			for (int i = off, end = off + cols; i < end; i++) {
				values[i] = values[i] - logSums[row];
			}
		}
	}

	/** {@code x - np.max(x)} per row; np.max is NaN as soon as one element is NaN. */
	private static void subtractRowMax(double[] values, int rows, int cols) {
		for (int row = 0, off = 0; row < rows; row++, off += cols) {
			int end = off + cols;
			double max = values[off];
			for (int i = off + 1; i < end; i++) {
				double v = values[i];
				if (v > max || v != v) {
					max = v;
					if (v != v) {
						break;
					}
				}
			}
			for (int i = off; i < end; i++) {
				values[i] = values[i] - max;
			}
		}
	}

	private static void checkShape(double[] values, int rows, int cols) {
		if (rows < 0 || cols < 0) {
			throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
		}
		if (cols == 0 && rows > 0) {
			throw new IllegalArgumentException("softmax of an empty row");
		}
		if (values.length < (long) rows * cols) {
			throw new IllegalArgumentException(
					"buffer of " + values.length + " doubles is shorter than " + rows + " x " + cols);
		}
	}

}
