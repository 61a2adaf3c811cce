package dev.nnfs.service.network;

import dev.nnfs.service.activation.Kernels32;

/**
 * The float32 element type's kernels on a block of rows: finishing a dense layer from its
 * float64 product, the ReLU folded into that, and the block's two layouts, row-major
 * float32 ({@code f[r·width + c]}, as batches and activations hold values) and float64
 * columns ({@code d[c][r]}, as the products take and give them).
 *
 * <p>
 * Every loop runs over one element type at one index, which C2 (JDK 17) vectorises; it
 * does not vectorise runs at offsets into a shared array, nor a float32 round trip inside
 * a float64 loop, hence the float32 scratch column in {@link #finish}.
 */
final class Float32Kernels {

	private static final int NEGATIVE_ZERO = Float.floatToRawIntBits(-0f);

	private Float32Kernels() {
	}

	/**
	 * One neuron's output from its float64 dot products, in place:
	 * {@code s[r] = relu?((float) s[r] + b)} for {@code r < n}, kept as the float64 image
	 * of the float32 result. Accuracy: the dot product rounded once to float32, then the
	 * float32 bias added in float32 (one more rounding), as numpy computes
	 * {@code np.dot(X, W) + b} on float32 arrays under {@code nnfs.init()}; the ReLU is
	 * exact.
	 * @param y float32 scratch of at least {@code n} values
	 */
	static void finish(double[] s, int n, float b, boolean relu, float[] y) {
		for (int r = 0; r < n; r++) {
			y[r] = (float) s[r] + b;
		}
		if (relu) {
			relu(y, n, b);
		}
		for (int r = 0; r < n; r++) {
			s[r] = y[r];
		}
	}

	/**
	 * {@code y[r] = np.maximum(0, y[r])} for {@code r < n}, where each {@code y[r]} is
	 * {@code (float) s + b} (exact; NaN and -0.0 kept, as numpy 2).
	 *
	 * <p>
	 * In round-to-nearest a float sum is -0.0 only when both terms are -0.0, so unless
	 * the bias is -0.0 no {@code y[r]} is -0.0, and {@code Math.max(y, 0f)} (which keeps
	 * NaN) gives numpy's bits: one vectorised instruction sequence, a third of the time
	 * of {@link Kernels32#relu}'s sign-keeping arithmetic. A bias of -0.0 takes that
	 * kernel.
	 */
	static void relu(float[] y, int n, float b) {
		if (Float.floatToRawIntBits(b) == NEGATIVE_ZERO) {
			Kernels32.relu(y, n);
			return;
		}
		for (int r = 0; r < n; r++) {
			y[r] = Math.max(y[r], 0f);
		}
	}

	/**
	 * {@code d[c][r] = f[r·width + c]}: a row-major float32 {@code [n, width]} block as
	 * float64 columns (exact).
	 */
	static void rowsToColumns(float[] f, int n, int width, double[][] d) {
		for (int c = 0; c < width; c++) {
			double[] s = d[c];
			for (int r = 0, o = c; r < n; r++, o += width) {
				s[r] = f[o];
			}
		}
	}

	/**
	 * {@code f[at + r·width + c] = (float) d[c][r]}: float64 columns that hold float32
	 * values (exact) into a row-major float32 {@code [n, width]} block starting at
	 * {@code at}.
	 */
	static void columnsToRows(double[][] d, int n, int width, float[] f, int at) {
		for (int c = 0; c < width; c++) {
			double[] s = d[c];
			for (int r = 0, o = at + c; r < n; r++, o += width) {
				f[o] = (float) s[r];
			}
		}
	}

}
