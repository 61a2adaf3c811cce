package dev.nnfs.service.network;

/**
 * An order of a segment's rows in which neighbouring rows lie close together in input
 * space, so that a narrow first layer's ReLU zeroes mostly the same neurons for all rows
 * of a block, and the next layer's dgemm can leave those inputs out
 * ({@link NativeScratch#gemm}). The order changes which rows share a block, never a
 * result: each row is computed on its own.
 *
 * <p>
 * The key of a row, out of {@link #BUCKETS}, is the row's cell in a grid over the
 * segment's range, its coordinates' bits interleaved (a Z-order curve, so that rows of
 * neighbouring keys are near each other). When the first layer has two inputs and no
 * biases (as a freshly seeded layer), which of its outputs are zero depends only on the
 * direction of the input, and the key is the row's angle instead. A NaN or infinite value
 * only sends its row to some key. Rows are then sorted by key, stably (a counting sort).
 */
final class RowOrder {

	/** Keys per segment: 10 bits. */
	static final int BUCKETS = 1 << 10;

	private final int[] order;

	private final float[] rows;

	private RowOrder(int[] order, float[] rows) {
		this.order = order;
		this.rows = rows;
	}

	/** The segment's rows, as indices into the input, in this order. */
	int[] order() {
		return order;
	}

	/**
	 * The segment's rows themselves, row-major in this order: blocks load them from here,
	 * one contiguous copy, instead of gathering rows from all over the input.
	 */
	float[] rows() {
		return rows;
	}

	/**
	 * Rows {@code r0 .. r0 + n - 1} of the row-major {@code [rows, width]} input, in the
	 * order described above.
	 * @param byAngle whether to order 2-wide rows by their angle (see the class comment)
	 */
	static RowOrder of(float[] input, int width, int r0, int n, boolean byAngle) {
		int[] keys = new int[n];
		if (byAngle && width == 2) {
			angleKeys(input, r0, n, keys);
		}
		else {
			gridKeys(input, width, r0, n, keys);
		}
		int[] start = new int[BUCKETS + 1];
		for (int key : keys) {
			start[key + 1]++;
		}
		for (int b = 0; b < BUCKETS; b++) {
			start[b + 1] += start[b];
		}
		int[] order = new int[n];
		float[] rows = new float[n * width];
		for (int r = 0; r < n; r++) {
			int p = start[keys[r]]++;
			order[p] = r0 + r;
			System.arraycopy(input, (r0 + r) * width, rows, p * width, width);
		}
		return new RowOrder(order, rows);
	}

	/**
	 * The pseudo-angle {@code y / (|x| + |y|)} (monotone in the angle, without a
	 * trigonometric call), mapped onto [0, 4) around the circle.
	 */
	private static void angleKeys(float[] input, int r0, int n, int[] keys) {
		for (int r = 0, i = 2 * r0; r < n; r++, i += 2) {
			float x = input[i];
			float y = input[i + 1];
			float s = Math.abs(x) + Math.abs(y);
			// 1 + p for x ≥ 0, 3 - p for x < 0, without a branch on the sign
			float a = 2 - Math.copySign(1 - y / s, x);
			// NaN (from 0 / 0 or ∞ / ∞, or a NaN input) converts to key 0
			keys[r] = Math.min(BUCKETS - 1, Math.max(0, (int) (a * (BUCKETS / 4f))));
		}
	}

	/** Z-order cells: {@code 10 / width} bits per coordinate over its range. */
	private static void gridKeys(float[] input, int width, int r0, int n, int[] keys) {
		int bits = Math.max(1, 10 / width);
		int cells = 1 << bits;
		double[] min = new double[width];
		double[] scale = new double[width];
		for (int c = 0; c < width; c++) {
			double lo = Double.POSITIVE_INFINITY;
			double hi = Double.NEGATIVE_INFINITY;
			for (int r = 0, i = r0 * width + c; r < n; r++, i += width) {
				float v = input[i];
				if (Float.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
			}
			min[c] = lo;
			scale[c] = hi > lo ? cells / (hi - lo) : 0;
		}
		// spread[cell]: the cell's bits b at positions b · width
		int[] spread = new int[cells];
		for (int cell = 0; cell < cells; cell++) {
			for (int b = 0; b < bits; b++) {
				spread[cell] |= ((cell >>> b) & 1) << (b * width);
			}
		}
		for (int r = 0, i = r0 * width; r < n; r++) {
			int key = 0;
			for (int c = 0; c < width; c++, i++) {
				// NaN converts to 0, ±∞ to the int range's ends: clamped to the grid
				int cell = Math.min(cells - 1, Math.max(0, (int) ((input[i] - min[c]) * scale[c])));
				key |= spread[cell] << c;
			}
			keys[r] = key;
		}
	}

}
