package dev.nnfs.service.tensor;

import dev.nnfs.service.problem.Violations;

import java.util.Arrays;

/**
 * A batch of float64 values: {@code rows × cols}, row-major, in a plain {@code double[]}.
 *
 * <p>
 * Every batch a client sends is read as one ({@link BatchDeserializer}): JSON numbers
 * parsed as doubles, as Python parses them. A float32 request then rounds each value once
 * ({@link #toFloat32}), which is what {@code np.array(values, dtype=np.float32)} does
 * with a Python list; a float64 request uses the values as they are.
 */
public record DoubleBatch(double[] values, int rows, int cols, boolean rank1) implements Batch {

	public DoubleBatch {
		if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
			throw new IllegalArgumentException(
					"shape [" + rows + ", " + cols + "] does not match " + values.length + " values");
		}
		if (rank1 && rows != 1) {
			throw new IllegalArgumentException("a rank-1 batch has exactly one row, not " + rows);
		}
	}

	/** A {@code rows × cols} batch. */
	public static DoubleBatch of(double[] values, int rows, int cols) {
		return new DoubleBatch(values, rows, cols, false);
	}

	/** A single sample of rank 1. */
	public static DoubleBatch vector(double[] values) {
		return new DoubleBatch(values, 1, values.length, true);
	}

	@Override
	public DType dtype() {
		return DType.FLOAT64;
	}

	/** The same rank as this batch, with other values and width. */
	public DoubleBatch withValues(double[] newValues, int newCols) {
		return new DoubleBatch(newValues, rows, newCols, rank1);
	}

	public double get(int row, int col) {
		return values[row * cols + col];
	}

	/**
	 * The values rounded to float32, as numpy rounds a Python list into a float32 array.
	 * A value beyond the float32 range is a mistake at its own pointer under {@code at}
	 * ({@code /inputs/3/1}); the answer is null when there is one.
	 */
	public FloatBatch toFloat32(String at, Violations mistakes) {
		float[] f = round(values);
		boolean ok = true;
		for (int i = 0; i < f.length; i++) {
			if (Float.isInfinite(f[i])) {
				ok = false;
				mistakes.at(pointer(at, i), "is outside the float32 range (magnitude at most " + Float.MAX_VALUE
						+ "); send \"dtype\": \"float64\" to compute in float64");
			}
		}
		return ok ? new FloatBatch(f, rows, cols, rank1) : null;
	}

	/** The values rounded to float32; for batches whose range was checked. */
	public FloatBatch toFloat32() {
		Violations mistakes = new Violations();
		FloatBatch f = toFloat32("", mistakes);
		mistakes.throwIfAny();
		return f;
	}

	/**
	 * The values rounded to float32 with nothing checked: a value beyond the float32
	 * range becomes an infinity (for drawing, where that is simply off the chart).
	 */
	public FloatBatch rounded() {
		return new FloatBatch(round(values), rows, cols, rank1);
	}

	/** float64 values rounded to float32, as numpy's {@code astype(np.float32)}. */
	public static float[] round(double[] values) {
		float[] f = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			f[i] = (float) values[i];
		}
		return f;
	}

	@Override
	public double value(int index) {
		return values[index];
	}

	@Override
	public int firstNonFinite() {
		for (int i = 0; i < values.length; i++) {
			if (!Double.isFinite(values[i])) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof DoubleBatch b && rows == b.rows && cols == b.cols && rank1 == b.rank1
				&& Arrays.equals(values, b.values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(values) + rows * 17 + cols;
	}

	@Override
	public String toString() {
		return "DoubleBatch" + Arrays.toString(shape());
	}

}
