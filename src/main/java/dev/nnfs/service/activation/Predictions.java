package dev.nnfs.service.activation;

import dev.nnfs.service.tensor.Batch;
import dev.nnfs.service.tensor.DoubleBatch;
import dev.nnfs.service.tensor.FloatBatch;

/**
 * Per row of a {@code [rows, cols]} output: the index of the largest value
 * ({@code argmax}, the first one on ties, numpy's rule) and that value
 * ({@code confidence}, a rank-1 batch of the output's dtype).
 */
public record Predictions(int[] argmax, Batch confidence) {

	/** The predictions of an output batch of either dtype. */
	public static Predictions of(Batch output) {
		if (output instanceof FloatBatch f) {
			return of(f.values(), f.rows(), f.cols());
		}
		DoubleBatch d = (DoubleBatch) output;
		return of(d.values(), d.rows(), d.cols());
	}

	/** The confidences of a float32 output. */
	public float[] floatConfidence() {
		return ((FloatBatch) confidence).values();
	}

	public static Predictions of(float[] values, int rows, int cols) {
		int[] argmax = new int[rows];
		float[] confidence = new float[rows];
		for (int r = 0, off = 0; r < rows; r++, off += cols) {
			int best = 0;
			float max = values[off];
			for (int c = 1; c < cols; c++) {
				if (values[off + c] > max) {
					max = values[off + c];
					best = c;
				}
			}
			argmax[r] = best;
			confidence[r] = max;
		}
		return new Predictions(argmax, FloatBatch.vector(confidence));
	}

	public static Predictions of(double[] values, int rows, int cols) {
		int[] argmax = new int[rows];
		double[] confidence = new double[rows];
		for (int r = 0, off = 0; r < rows; r++, off += cols) {
			int best = 0;
			double max = values[off];
			for (int c = 1; c < cols; c++) {
				if (values[off + c] > max) {
					max = values[off + c];
					best = c;
				}
			}
			argmax[r] = best;
			confidence[r] = max;
		}
		return new Predictions(argmax, DoubleBatch.vector(confidence));
	}

}
