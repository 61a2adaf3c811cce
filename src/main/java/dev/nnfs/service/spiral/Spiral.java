package dev.nnfs.service.spiral;

import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DType;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

import java.util.Arrays;

/**
 * The result of {@link SpiralData#spiralData(int, int, NumpyRandom)}:
 * {@code samples * classes} points in the plane, stored as float32 like nnfs stores them,
 * and one class label per point.
 *
 * <p>
 * Rows are ordered by class: rows {@code samples*c .. samples*(c+1)-1} belong to class
 * {@code c}. Instances are immutable; the array accessors return copies, while
 * {@link #x(int)}, {@link #y(int)} and {@link #label(int)} read without copying.
 */
public final class Spiral {

	private final float[] points;

	private final double[] points64;

	private final int[] labels;

	private final int samples;

	private final int classes;

	/**
	 * Takes ownership of the arrays (no copy); only {@link SpiralData} creates instances.
	 */
	Spiral(float[] points, int[] labels, int samples, int classes) {
		this.points = points;
		this.points64 = null;
		this.labels = labels;
		this.samples = samples;
		this.classes = classes;
	}

	/** A float64 spiral, as plain numpy builds it; takes ownership of the arrays. */
	Spiral(double[] points64, int[] labels, int samples, int classes) {
		this.points = null;
		this.points64 = points64;
		this.labels = labels;
		this.samples = samples;
		this.classes = classes;
	}

	/** The dtype of the coordinates: float32 under {@code nnfs.init()}, else float64. */
	public DType dtype() {
		return this.points64 == null ? DType.FLOAT32 : DType.FLOAT64;
	}

	/** The points as a {@code [rows, 2]} batch of the spiral's dtype (a copy). */
	public Batch batch() {
		return this.points64 == null ? FloatBatch.of(this.points.clone(), rows(), 2)
				: DoubleBatch.of(this.points64.clone(), rows(), 2);
	}

	/**
	 * @return the number of points per class
	 */
	public int samples() {
		return this.samples;
	}

	/**
	 * @return the number of classes
	 */
	public int classes() {
		return this.classes;
	}

	/**
	 * @return the number of points, {@code samples * classes}
	 */
	public int rows() {
		return this.labels.length;
	}

	/**
	 * @param row a row index in {@code [0, rows())}
	 * @return the first coordinate of that point
	 */
	public double x(int row) {
		return this.points64 != null ? this.points64[2 * checkRow(row)] : this.points[2 * checkRow(row)];
	}

	/**
	 * @param row a row index in {@code [0, rows())}
	 * @return the second coordinate of that point
	 */
	public double y(int row) {
		return this.points64 != null ? this.points64[2 * checkRow(row) + 1] : this.points[2 * checkRow(row) + 1];
	}

	/**
	 * @param row a row index in {@code [0, rows())}
	 * @return the class of that point
	 */
	public int label(int row) {
		return this.labels[checkRow(row)];
	}

	/**
	 * @return a copy of the float32 points, row-major with shape {@code [rows(), 2]}
	 * @throws IllegalStateException for a float64 spiral
	 */
	public float[] points() {
		if (this.points == null) {
			throw new IllegalStateException("a float64 spiral");
		}
		return this.points.clone();
	}

	/**
	 * @return a copy of the labels, one per row
	 */
	public int[] labels() {
		return this.labels.clone();
	}

	private int checkRow(int row) {
		return java.util.Objects.checkIndex(row, this.labels.length);
	}

	/** Equal when shape, labels and the bits of every coordinate are equal. */
	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Spiral)) {
			return false;
		}
		Spiral that = (Spiral) other;
		return this.samples == that.samples && this.classes == that.classes && Arrays.equals(this.points, that.points)
				&& Arrays.equals(this.points64, that.points64) && Arrays.equals(this.labels, that.labels);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * (31 * this.samples + this.classes) + Arrays.hashCode(this.points)
				+ Arrays.hashCode(this.points64)) + Arrays.hashCode(this.labels);
	}

	@Override
	public String toString() {
		return "Spiral[samples=" + this.samples + ", classes=" + this.classes + "]";
	}

}
