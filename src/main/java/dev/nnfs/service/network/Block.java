package dev.nnfs.service.network;

/**
 * One thread's buffers for the block of rows it is taking through the layers, and the
 * element type's ways of changing them. The values of a block are in one of two layouts
 * at a time: the element type's row-major rows (as inputs, outputs and activations hold
 * them), or float64 columns {@code columns()[c][r]} (as the dense layers' products take
 * and give them; a float64 holds a float32 exactly). The layout changes only when a step
 * needs the other one.
 *
 * <p>
 * This class holds what every element type shares: two sets of float64 columns (the
 * values, and a spare one a product is written into while the values are read) and the
 * off-heap {@link NativeScratch} for GEMMs. A subclass per element type
 * ({@link Float32Block}) adds its rows and the steps whose arithmetic depends on the
 * type: loading, finishing a dense layer, activations, storing.
 *
 * <p>
 * Not thread-safe: a block belongs to one thread during a pass, and to {@link BlockPool}
 * between passes.
 *
 * @param <A> the element type's array ({@code float[]})
 */
abstract class Block<A> implements AutoCloseable {

	private double[][] values = new double[0][];

	private double[][] spare = new double[0][];

	private int columnRows;

	private NativeScratch scratch;

	/** Whether the values are the columns (else the subclass's rows). */
	private boolean inColumns;

	/**
	 * Makes room for blocks of up to {@code blockRows} rows through layers up to
	 * {@code widest} wide. Columns that do not fit are replaced by ones of exactly that
	 * size, not the larger of both shapes: passes of narrow layers have tall blocks,
	 * passes of wide ones short blocks.
	 */
	void ensure(int blockRows, int widest) {
		if (values.length < widest || columnRows < blockRows) {
			columnRows = blockRows;
			values = new double[widest][blockRows];
			spare = new double[widest][blockRows];
			inColumns = false;
		}
	}

	/**
	 * The most float64 values any one of this block's buffers holds (for
	 * {@link BlockPool}'s rule).
	 */
	long largestBuffer() {
		long heap = (long) values.length * columnRows;
		return Math.max(heap, scratch == null ? 0 : scratch.capacity());
	}

	/** Doubles one column set holds: what a GEMM's off-heap buffers should hold too. */
	long columnCapacity() {
		return (long) values.length * columnRows;
	}

	/**
	 * The values as float64 columns, {@code [width][≥ n]}, converted from the rows if
	 * need be.
	 */
	final double[][] columns(int n, int width) {
		if (!inColumns) {
			rowsToColumns(values, n, width);
			inColumns = true;
		}
		return values;
	}

	/** Columns a product may be written into while {@link #columns} are read. */
	final double[][] spare() {
		return spare;
	}

	/** The spare columns, now holding a product, become the values. */
	final void swapColumns() {
		double[][] t = values;
		values = spare;
		spare = t;
		inColumns = true;
	}

	/** Whether the values are in {@link #columns} (else in the rows). */
	final boolean inColumns() {
		return inColumns;
	}

	/** The values are now the rows: the subclass wrote them there. */
	final void valuesInRows() {
		inColumns = false;
	}

	/** The off-heap buffers for this block's GEMMs, made on first use. */
	final NativeScratch scratch() {
		if (scratch == null) {
			scratch = new NativeScratch();
		}
		return scratch;
	}

	/**
	 * Rows {@code r0 .. r0 + n - 1} of the row-major {@code [rows, width]} input become
	 * the values.
	 */
	abstract void load(A input, int width, int r0, int n);

	/** The element type's rows, {@code [n, width]}, into {@code columns[c][r]}. */
	abstract void rowsToColumns(double[][] columns, int n, int width);

	/**
	 * The dense layer's output from the float64 product in {@link #columns}
	 * ({@code [neurons][≥ n]}), in place, with the ReLU after it folded in when
	 * {@code relu}.
	 */
	abstract void finish(DenseLayer dense, int n, boolean relu);

	/** The activation on the values ({@code [n, width]}), in place. */
	abstract void activate(ActivationLayer layer, int n, int width);

	/**
	 * The values, {@code [n, width]}, into rows {@code r0 .. r0 + n - 1} of a row-major
	 * output.
	 */
	abstract void store(A output, int width, int r0, int n);

	/**
	 * Value row {@code r < n}, {@code [width]}, into row {@code order[p0 + r]} of a
	 * row-major output.
	 */
	abstract void storeScattered(A output, int width, int[] order, int p0, int n);

	/** Frees the off-heap buffers. */
	@Override
	public void close() {
		if (scratch != null) {
			scratch.close();
			scratch = null;
		}
	}

}
