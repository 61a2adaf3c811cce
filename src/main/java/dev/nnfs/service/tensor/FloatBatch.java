package dev.nnfs.service.tensor;

import java.util.Arrays;

/**
 * A batch of float32 values as the service exchanges them with clients:
 * {@code rows × cols}, row-major, in a plain {@code float[]}. A batch read from a 1-D
 * JSON array is a single sample ({@code rows == 1}) and remembers that it was rank 1, so
 * the answer can keep that rank.
 *
 * <p>
 * This is the type request and response records hold; ND4J arrays never cross the web
 * edge.
 */
public record FloatBatch(float[] values, int rows, int cols, boolean rank1) implements Batch {

	public FloatBatch {
		if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
			throw new IllegalArgumentException(
					"shape [" + rows + ", " + cols + "] does not match " + values.length + " values");
		}
		if (rank1 && rows != 1) {
			throw new IllegalArgumentException("a rank-1 batch has exactly one row, not " + rows);
		}
	}

	/** A {@code rows × cols} batch. */
	public static FloatBatch of(float[] values, int rows, int cols) {
		return new FloatBatch(values, rows, cols, false);
	}

	/** A single sample of rank 1. */
	public static FloatBatch vector(float[] values) {
		return new FloatBatch(values, 1, values.length, true);
	}

	/**
	 * The same rank as this batch, with other values and width (an activation's or a
	 * layer's output).
	 */
	public FloatBatch withValues(float[] newValues, int newCols) {
		return new FloatBatch(newValues, rows, newCols, rank1);
	}

	@Override
	public DType dtype() {
		return DType.FLOAT32;
	}

	/** This batch as float64: every value widened exactly. */
	public DoubleBatch widened() {
		return new DoubleBatch(widen(values), rows, cols, rank1);
	}

	/** float32 values widened exactly to float64. */
	public static double[] widen(float[] values) {
		double[] d = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			d[i] = values[i];
		}
		return d;
	}

	@Override
	public double value(int index) {
		return values[index];
	}

	@Override
	public int firstNonFinite() {
		for (int i = 0; i < values.length; i++) {
			if (!Float.isFinite(values[i])) {
				return i;
			}
		}
		return -1;
	}

	public float get(int row, int col) {
		return values[row * cols + col];
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof FloatBatch b && rows == b.rows && cols == b.cols && rank1 == b.rank1
				&& Arrays.equals(values, b.values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(values) + rows * 17 + cols;
	}

	@Override
	public String toString() {
		return "FloatBatch" + Arrays.toString(shape());
	}

}
