package dev.nnfs.service.spiral;

import dev.nnfs.service.numpy.Libm;
import dev.nnfs.service.numpy.Linspace;
import dev.nnfs.service.numpy.NumpyRandom;

import java.util.Objects;

/**
 * The spiral data set of nnfs ({@code nnfs.datasets.spiral_data}), reproduced bit for bit
 * as it behaves after {@code nnfs.init()}.
 *
 * <p>
 * For each class {@code c} in {@code 0 .. classes-1}, in order, with {@code i} running
 * over {@code 0 .. samples-1}: <pre>
 * r = linspace(0.0, 1, samples)
 * t = linspace(c*4, (c+1)*4, samples) + randn(samples) * 0.2
 * X[samples*c + i] = (r[i] * sin(t[i] * 2.5), r[i] * cos(t[i] * 2.5))
 * y[samples*c + i] = c
 * </pre> where {@code randn} returns float32 (so {@code randn * 0.2} is a float32
 * product, rounded to float32 and only then widened for the float64 sum), everything else
 * is float64, and each coordinate is rounded to float32 when stored. It draws exactly
 * {@code samples * classes} normals from the stream, class by class.
 *
 * <p>
 * {@code sin} and {@code cos} are {@link StrictMath}'s, so the output is the same on
 * every JVM. numpy uses the platform's libm, whose float64 results can differ from
 * StrictMath's in the last bit; after rounding to float32 the coordinates agree (see the
 * golden tests).
 *
 * <p>
 * Single pass, no temporary arrays: memory is the result only
 * ({@code 12 * samples * classes} bytes).
 */
public final class SpiralData {

	/** The largest {@code samples * classes} whose point array a JVM can allocate. */
	public static final int MAX_ROWS = (Integer.MAX_VALUE - 8) / 2;

	private SpiralData() {
	}

	/**
	 * {@code spiral_data(samples, classes)}, drawing its noise from {@code rng}.
	 * @param samples points per class, {@code >= 1}
	 * @param classes number of classes, {@code >= 1}
	 * @param rng the stream to draw {@code samples * classes} normals from (advanced in
	 * place)
	 * @return the points and labels
	 * @throws IllegalArgumentException if {@code samples} or {@code classes} is below 1
	 * or their product exceeds {@link #MAX_ROWS}
	 * @throws NullPointerException if {@code rng} is null
	 */
	public static Spiral spiralData(int samples, int classes, NumpyRandom rng) {
		if (samples < 1) {
			throw new IllegalArgumentException("samples must be >= 1, but was " + samples);
		}
		if (classes < 1) {
			throw new IllegalArgumentException("classes must be >= 1, but was " + classes);
		}
		long total = (long) samples * classes;
		if (total > MAX_ROWS) {
			throw new IllegalArgumentException("samples * classes must be <= " + MAX_ROWS + ", but was " + samples
					+ " * " + classes + " = " + total);
		}
		Objects.requireNonNull(rng, "rng must not be null");
		int rows = (int) total;
		float[] points = new float[2 * rows];
		int[] labels = new int[rows];
		int row = 0;
		for (int c = 0; c < classes; c++) {
			double start = 4.0 * c;
			double stop = 4.0 * (c + 1.0);
			for (int i = 0; i < samples; i++, row++) {
				double r = Linspace.valueAt(0.0, 1.0, samples, i);
				float noise = (float) rng.nextGaussian() * 0.2f;
				double t = Linspace.valueAt(start, stop, samples, i) + (double) noise;
				double angle = t * 2.5;
				points[2 * row] = (float) (r * StrictMath.sin(angle));
				points[2 * row + 1] = (float) (r * StrictMath.cos(angle));
				labels[row] = c;
			}
		}
		return new Spiral(points, labels, samples, classes);
	}

	/**
	 * {@code spiral_data(samples, classes)} as plain numpy computes it, without
	 * {@code nnfs.init()}: the normals stay float64 ({@code randn(samples) * 0.2} is a
	 * float64 product), {@code X} is float64 ({@code np.zeros} default), and {@code sin}
	 * and {@code cos} are the C library's ({@code libm}), as numpy's are; each class's
	 * angles go to {@code libm} in one call.
	 * @throws IllegalArgumentException as {@link #spiralData(int, int, NumpyRandom)}
	 */
	public static Spiral spiralData64(int samples, int classes, NumpyRandom rng, Libm libm) {
		if (samples < 1 || classes < 1 || (long) samples * classes > MAX_ROWS) {
			throw new IllegalArgumentException("samples and classes must be >= 1 with a product <= " + MAX_ROWS + ": "
					+ samples + " * " + classes);
		}
		int rows = samples * classes;
		double[] points = new double[2 * rows];
		int[] labels = new int[rows];
		double[] noise = new double[samples];
		double[] sin = new double[samples];
		double[] cos = new double[samples];
		for (int c = 0; c < classes; c++) {
			double start = 4.0 * c;
			double stop = 4.0 * (c + 1.0);
			rng.fillRandn(noise, 0, samples, libm);
			for (int i = 0; i < samples; i++) {
				double t = Linspace.valueAt(start, stop, samples, i) + noise[i] * 0.2;
				sin[i] = t * 2.5;
			}
			System.arraycopy(sin, 0, cos, 0, samples);
			libm.sin(sin, samples);
			libm.cos(cos, samples);
			for (int i = 0, row = samples * c; i < samples; i++, row++) {
				double r = Linspace.valueAt(0.0, 1.0, samples, i);
				points[2 * row] = r * sin[i];
				points[2 * row + 1] = r * cos[i];
				labels[row] = c;
			}
		}
		return new Spiral(points, labels, samples, classes);
	}

}
