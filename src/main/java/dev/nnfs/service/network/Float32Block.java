package dev.nnfs.service.network;

import java.util.HashMap;
import java.util.Map;

/**
 * A block of float32 values: rows as {@code float[]}, row-major. The arithmetic is in
 * {@link Float32Kernels}; activations run on the rows through
 * {@link dev.nnfs.service.activation.Activation#applyInPlace(float[], int, int, double[])}.
 */
final class Float32Block extends Block<float[]> {

	/** Row arrays kept by exact length; past this many lengths the cache starts over. */
	private static final int ROW_ARRAYS = 16;

	/**
	 * Row-major arrays by exact length: activations that run through ND4J need an array
	 * of exactly {@code n × width} values. Reused from block to block and pass to pass.
	 */
	private final Map<Integer, float[]> rowArrays = new HashMap<>();

	/** The values, {@code [n, width]} row-major, while they are in rows. */
	private float[] rows;

	/** Scratch for {@link Float32Kernels#finish}. */
	private float[] column = new float[0];

	@Override
	void ensure(int blockRows, int widest) {
		super.ensure(blockRows, widest);
		if (column.length < blockRows) {
			column = new float[blockRows];
		}
	}

	private float[] rowArray(int length) {
		if (rowArrays.size() >= ROW_ARRAYS && !rowArrays.containsKey(length)) {
			rowArrays.clear();
		}
		return rowArrays.computeIfAbsent(length, float[]::new);
	}

	/** The values in rows, converted from the columns if need be. */
	private float[] rows(int n, int width) {
		if (inColumns()) {
			float[] f = rowArray(n * width);
			Float32Kernels.columnsToRows(columns(n, width), n, width, f, 0);
			rows = f;
			valuesInRows();
		}
		return rows;
	}

	@Override
	void load(float[] input, int width, int r0, int n) {
		rows = rowArray(n * width);
		System.arraycopy(input, r0 * width, rows, 0, n * width);
		valuesInRows();
	}

	@Override
	void rowsToColumns(double[][] columns, int n, int width) {
		Float32Kernels.rowsToColumns(rows, n, width, columns);
	}

	@Override
	void finish(DenseLayer dense, int n, boolean relu) {
		double[][] d = columns(n, dense.neurons());
		float[] b = dense.biases();
		for (int c = 0; c < b.length; c++) {
			Float32Kernels.finish(d[c], n, b[c], relu, column);
		}
	}

	@Override
	void activate(ActivationLayer layer, int n, int width) {
		layer.activation().applyInPlace(rows(n, width), n, width, layer.params());
	}

	@Override
	void store(float[] output, int width, int r0, int n) {
		if (inColumns()) {
			Float32Kernels.columnsToRows(columns(n, width), n, width, output, r0 * width);
		}
		else {
			System.arraycopy(rows, 0, output, r0 * width, n * width);
		}
	}

	@Override
	void storeScattered(float[] output, int width, int[] order, int p0, int n) {
		if (inColumns()) {
			double[][] d = columns(n, width);
			for (int c = 0; c < width; c++) {
				double[] s = d[c];
				for (int r = 0; r < n; r++) {
					output[order[p0 + r] * width + c] = (float) s[r];
				}
			}
		}
		else {
			for (int r = 0, o = 0; r < n; r++, o += width) {
				System.arraycopy(rows, o, output, order[p0 + r] * width, width);
			}
		}
	}

}
