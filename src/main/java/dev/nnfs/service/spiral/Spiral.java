package dev.nnfs.service.spiral;

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

	private final int[] labels;

	private final int samples;

	private final int classes;

	/**
	 * Takes ownership of the arrays (no copy); only {@link SpiralData} creates instances.
	 */
	Spiral(float[] points, int[] labels, int samples, int classes) {
		this.points = points;
		this.labels = labels;
		this.samples = samples;
		this.classes = classes;
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
	public float x(int row) {
		return this.points[2 * checkRow(row)];
	}

	/**
	 * @param row a row index in {@code [0, rows())}
	 * @return the second coordinate of that point
	 */
	public float y(int row) {
		return this.points[2 * checkRow(row) + 1];
	}

	/**
	 * @param row a row index in {@code [0, rows())}
	 * @return the class of that point
	 */
	public int label(int row) {
		return this.labels[checkRow(row)];
	}

	/**
	 * @return a copy of the points, row-major with shape {@code [rows(), 2]}
	 */
	public float[] points() {
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
				&& Arrays.equals(this.labels, that.labels);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * (31 * this.samples + this.classes) + Arrays.hashCode(this.points))
				+ Arrays.hashCode(this.labels);
	}

	@Override
	public String toString() {
		return "Spiral[samples=" + this.samples + ", classes=" + this.classes + "]";
	}

}
