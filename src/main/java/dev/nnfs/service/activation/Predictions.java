package dev.nnfs.service.activation;

/**
 * Per row of a {@code [rows, cols]} output: the index of the largest value
 * ({@code argmax}, the first one on ties, numpy's rule) and that value
 * ({@code confidence}).
 */
public record Predictions(int[] argmax, float[] confidence) {

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
		return new Predictions(argmax, confidence);
	}

}
