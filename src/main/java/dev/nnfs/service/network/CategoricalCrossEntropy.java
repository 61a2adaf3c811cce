package dev.nnfs.service.network;

import dev.nnfs.service.numpy.Libm;
import dev.nnfs.service.numpy.NumpyFloat64;

import dev.nnfs.service.numpy.NumpyFloat32;

/**
 * nnfs's {@code Loss_CategoricalCrossentropy} and accuracy on a {@code [rows, classes]}
 * batch of predictions and a class index per row.
 *
 * <p>
 * {@code loss = mean(-ln(clip(p[row, label], 1e-7, 1 - 1e-7)))} in float32 as numpy
 * computes it: numpy's float32 log, its pairwise sum, then the division by the row count.
 * {@code accuracy = mean(argmax == label)}.
 */
public final class CategoricalCrossEntropy {

	static final float CLIP_LOW = 1e-7f;

	static final float CLIP_HIGH = 1f - 1e-7f;

	private CategoricalCrossEntropy() {
	}

	public static float loss(float[] predictions, int rows, int classes, int[] labels) {
		float[] negativeLogLikelihoods = new float[rows];
		for (int r = 0; r < rows; r++) {
			float p = predictions[r * classes + labels[r]];
			float clipped = Math.min(Math.max(p, CLIP_LOW), CLIP_HIGH);
			negativeLogLikelihoods[r] = -NumpyFloat32.log(clipped);
		}
		return NumpyFloat32.sum(negativeLogLikelihoods, 0, rows) / rows;
	}

	/**
	 * The float64 loss as plain numpy computes it: {@code np.clip} to
	 * {@code [1e-7, 1 - 1e-7]} (float64 bounds), the C library's {@code log}
	 * ({@code libm}), numpy's pairwise mean.
	 */
	public static double loss64(double[] predictions, int rows, int classes, int[] labels, Libm libm) {
		double[] negativeLogLikelihoods = new double[rows];
		for (int r = 0; r < rows; r++) {
			double p = predictions[r * classes + labels[r]];
			negativeLogLikelihoods[r] = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
		}
		libm.log(negativeLogLikelihoods, rows);
		for (int r = 0; r < rows; r++) {
			negativeLogLikelihoods[r] = -negativeLogLikelihoods[r];
		}
		return NumpyFloat64.mean(negativeLogLikelihoods, 0, rows);
	}

	public static double accuracy(int[] argmax, int[] labels) {
		int correct = 0;
		for (int r = 0; r < argmax.length; r++) {
			if (argmax[r] == labels[r]) {
				correct++;
			}
		}
		return (double) correct / argmax.length;
	}

}
