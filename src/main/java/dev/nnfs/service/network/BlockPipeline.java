package dev.nnfs.service.network;

import dev.nnfs.service.compute.ComputeDeadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one pass does to each block of rows: the network's layers as steps, each with its
 * kernel chosen once for the pass, and the arrays the blocks' outputs go to. Which thread
 * computes which block, and when, is {@link ForwardPass}'s business; any block may be
 * computed on any thread, in any order, each once.
 *
 * <p>
 * The steps: a dense layer's product through {@link ColumnKernels} in Java, or through
 * one dgemm per block ({@link NativeScratch#gemm}) when the pass may use BLAS and the
 * layer has more than {@link #SMALL} inputs and neurons (a GEMM that narrow costs more to
 * call than to compute); then the element type's finish, with a ReLU that follows folded
 * in unless that layer's own output is kept; any other activation on the block's rows.
 * Both products give the same bits (see {@link ColumnKernels}), so the kernels chosen
 * never change a result.
 *
 * <p>
 * When the first layer is narrow with a ReLU and the second goes through dgemm, the rows
 * are taken a segment at a time in {@link RowOrder} (rows close together in input space
 * share a block), and the second layer's dgemm leaves out the inputs that are zero in the
 * whole block ({@link NativeScratch#gemm}): for 100,000 standard normal points through a
 * seeded 2 → 64 layer, 30 of its 64 outputs in a typical 512-row block. Outputs are
 * written back to each row's own place; rows are then ready a segment, not a block, at a
 * time.
 *
 * @param <A> the element type's array
 */
final class BlockPipeline<A> implements AutoCloseable {

	/** Dense layers with at most this many inputs, or neurons, are computed in Java. */
	static final int SMALL = 4;

	/**
	 * About this many rows are ordered together when the pass {@link #reorders}: enough
	 * for blocks of rows close together in input space, few enough that the first rows
	 * are ready early.
	 */
	static final int SEGMENT_ROWS = 16384;

	private final ElementType<A> type;

	private final A input;

	private final int inWidth;

	private final int rows;

	private final int blockRows;

	private final int blocks;

	private final int widest;

	private final List<Step> steps;

	private final EngineSettings settings;

	/**
	 * Per layer, its output ({@code [rows, width]} row-major), or {@code null} when not
	 * kept.
	 */
	private final List<A> outputs;

	/** Per layer, its output's width. */
	private final int[] widths;

	private boolean closed;

	/**
	 * One or more layers computed in one pass over a block; {@code last} is the last
	 * one's index.
	 */
	private sealed interface Step permits Dense, Activate {

		int last();

	}

	/**
	 * A dense layer, with the ReLU after it folded in when {@code relu}; {@code weights}
	 * are its float64 weights for dgemm, or {@code null} for the Java product.
	 */
	private record Dense(DenseLayer layer, INDArray weights, boolean relu, int last) implements Step {
	}

	/**
	 * Rows per segment and blocks per segment: rows are ready a segment at a time. A
	 * segment is one block unless the pass {@link #reorders}.
	 */
	private final int segmentRows;

	private final int segmentBlocks;

	/**
	 * Whether each segment's rows are taken in {@link RowOrder}, and the second layer's
	 * dgemm leaves out the inputs that are zero in a whole block: when the first layer is
	 * narrow (at most {@link #SMALL} inputs, its product in Java) with a ReLU folded in,
	 * and the second goes through dgemm with finite weights. A block of rows that lie
	 * close together has many of the first layer's ReLU outputs zero in every row (for
	 * 100,000 standard normal points through a seeded 2 → 64 layer, about half).
	 */
	private final boolean reorders;

	/** For {@link RowOrder}: the first layer has two inputs and no biases. */
	private final boolean byAngle;

	/** Per segment, its order once made ({@link #order}); only when reordering. */
	private final AtomicReferenceArray<RowOrder> orders;

	private final Object[] orderLocks;

	private record Activate(ActivationLayer layer, int last) implements Step {
	}

	/**
	 * @param input row-major {@code [rows, inWidth]}; only read
	 * @param keepLayerOutputs whether every layer's output is kept, else only the last
	 * one's
	 * @param gemm whether wide dense layers go through dgemm
	 * @param settings the block size ({@link EngineSettings#blockDoubles}) and dgemm call
	 * size ({@link EngineSettings#gemmCallMacs})
	 */
	BlockPipeline(ElementType<A> type, List<Layer> layers, A input, int rows, int inWidth, boolean keepLayerOutputs,
			boolean gemm, EngineSettings settings) {
		if (layers.isEmpty()) {
			throw new IllegalArgumentException("a network has at least one layer");
		}
		this.type = type;
		this.input = input;
		this.rows = rows;
		this.inWidth = inWidth;
		this.settings = settings;
		int blockDoubles = settings.blockDoubles();
		int n = layers.size();
		this.widths = new int[n];
		int width = inWidth;
		int w = inWidth;
		for (int i = 0; i < n; i++) {
			if (layers.get(i) instanceof DenseLayer dense) {
				width = dense.neurons();
				w = Math.max(w, width);
			}
			widths[i] = width;
		}
		this.widest = w;
		this.blockRows = (int) Math.max(8, Math.min(rows, blockDoubles / widest));
		this.blocks = (int) (((long) rows + blockRows - 1) / blockRows);
		this.outputs = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			outputs.add(keepLayerOutputs || i == n - 1 ? type.newArray(Math.multiplyExact(rows, widths[i])) : null);
		}
		this.steps = new ArrayList<>(n);
		try {
			for (int i = 0; i < n; i++) {
				if (layers.get(i) instanceof DenseLayer dense) {
					boolean fold = outputs.get(i) == null && i + 1 < n && isRelu(layers.get(i + 1));
					INDArray weights = gemm && dense.inputs() > SMALL && dense.neurons() > SMALL
							? Nd4j.create(dense.widenedWeights(), new long[] { dense.inputs(), dense.neurons() }, 'c')
							: null;
					steps.add(new Dense(dense, weights, fold, fold ? i + 1 : i));
					if (fold) {
						i++;
					}
				}
				else {
					steps.add(new Activate((ActivationLayer) layers.get(i), i));
				}
			}
		}
		catch (RuntimeException | Error e) {
			close();
			throw e;
		}
		this.reorders = input instanceof float[] && gemm && blocks > 1 && inWidth <= SMALL && reorderable(steps)
				&& outputs.get(steps.get(0).last()) == null;
		if (reorders) {
			DenseLayer first = ((Dense) steps.get(0)).layer();
			this.byAngle = first.inputs() == 2 && allZero(first.biases());
			this.segmentBlocks = Math.max(1, Math.min(blocks, SEGMENT_ROWS / blockRows));
			this.segmentRows = segmentBlocks * blockRows;
			int segments = (blocks + segmentBlocks - 1) / segmentBlocks;
			this.orders = new AtomicReferenceArray<>(segments);
			this.orderLocks = new Object[segments];
			for (int i = 0; i < segments; i++) {
				orderLocks[i] = new Object();
			}
		}
		else {
			this.byAngle = false;
			this.segmentBlocks = 1;
			this.segmentRows = blockRows;
			this.orders = null;
			this.orderLocks = null;
		}
	}

	/**
	 * Whether the steps start with a Java dense layer with its ReLU folded in, then a
	 * dgemm one with finite weights (see {@link NativeScratch#gemm}).
	 */
	private static boolean reorderable(List<Step> steps) {
		if (steps.size() < 2 || !(steps.get(0) instanceof Dense first) || !(steps.get(1) instanceof Dense second)) {
			return false;
		}
		if (first.weights() != null || !first.relu() || second.weights() == null) {
			return false;
		}
		for (double w : second.layer().widenedWeights()) {
			if (!Double.isFinite(w)) {
				return false;
			}
		}
		return true;
	}

	private static boolean allZero(float[] values) {
		for (float v : values) {
			if (v != 0f) {
				return false;
			}
		}
		return true;
	}

	private static boolean isRelu(Layer layer) {
		return layer instanceof ActivationLayer a && "relu".equals(a.activation().name());
	}

	int rows() {
		return rows;
	}

	int blockRows() {
		return blockRows;
	}

	int blocks() {
		return blocks;
	}

	/**
	 * How many leading blocks must be computed for the first {@code needed} rows to be
	 * ready.
	 */
	int blocksFor(int needed) {
		long segments = ((long) needed + segmentRows - 1) / segmentRows;
		return (int) Math.min(blocks, segments * segmentBlocks);
	}

	/**
	 * How many leading rows are ready once the first {@code done} blocks are computed.
	 */
	int rowsDone(int done) {
		if (done >= blocks) {
			return rows;
		}
		return (int) Math.min(rows, (long) (done / segmentBlocks) * segmentRows);
	}

	/**
	 * Per layer, its output, complete once every block is computed; {@code null} for
	 * those not kept.
	 */
	List<A> outputs() {
		return outputs;
	}

	/** Layer {@code i}'s output width. */
	int width(int i) {
		return widths[i];
	}

	/** A block with room for this pass's blocks, from the element type's pool. */
	Block<A> lendBlock() {
		return type.blocks().lend(blockRows, widest);
	}

	/**
	 * Gives a block back; it is kept for later passes if its buffers are at most
	 * {@code keepDoubles}.
	 */
	void releaseBlock(Block<A> block, long keepDoubles) {
		type.blocks().release(block, keepDoubles);
	}

	/**
	 * Computes block {@code b} (rows {@code b · blockRows} on) through every layer into
	 * the kept outputs, on {@code block}'s buffers. Checks the compute deadline of the
	 * calling thread's request before each step (the helper thread serves none, so it
	 * never stops there).
	 */
	void compute(Block<A> block, int b) {
		int r0 = b * blockRows;
		int n = Math.min(blockRows, rows - r0);
		int[] order = null;
		int p0 = 0;
		if (reorders) {
			ComputeDeadline.check();
			int segment = b / segmentBlocks;
			RowOrder sorted = order(segment);
			order = sorted.order();
			p0 = r0 - segment * segmentRows;
			if (p0 == 0 && segment + 1 < orders.length()) {
				// Whoever starts a segment orders the next, so that no thread waits for
				// an order but the first one
				order(segment + 1);
			}
			@SuppressWarnings("unchecked") // reorders only float32 input: see the
											// constructor
			A rowsInOrder = (A) sorted.rows();
			block.load(rowsInOrder, inWidth, p0, n);
		}
		else {
			block.load(input, inWidth, r0, n);
		}
		int width = inWidth;
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			ComputeDeadline.check();
			if (step instanceof Dense d) {
				DenseLayer dense = d.layer();
				double[][] x = block.columns(n, width);
				if (d.weights() != null) {
					// After a reordering, the second layer leaves out inputs zero in the
					// whole
					// block
					double[] leaveOutZeros = reorders && i == 1 ? dense.widenedWeights() : null;
					block.scratch()
						.gemm(x, n, width, d.weights(), leaveOutZeros, dense.neurons(), x, block.columnCapacity(),
								settings.gemmCallRows(n, width, dense.neurons()));
				}
				else {
					ColumnKernels.product(x, width, dense.widenedWeights(), dense.neurons(), n, block.spare());
					block.swapColumns();
				}
				width = dense.neurons();
				block.finish(dense, n, d.relu());
			}
			else {
				block.activate(((Activate) step).layer(), n, width);
			}
			A out = outputs.get(step.last());
			if (out != null) {
				if (order != null) {
					block.storeScattered(out, width, order, p0, n);
				}
				else {
					block.store(out, width, r0, n);
				}
			}
		}
	}

	/**
	 * Segment {@code segment}'s {@link RowOrder}, made by the first thread that needs it.
	 */
	private RowOrder order(int segment) {
		RowOrder order = orders.get(segment);
		if (order == null) {
			synchronized (orderLocks[segment]) {
				order = orders.get(segment);
				if (order == null) {
					int r0 = segment * segmentRows;
					order = RowOrder.of((float[]) input, inWidth, r0, Math.min(segmentRows, rows - r0), byAngle);
					orders.set(segment, order);
				}
			}
		}
		return order;
	}

	/** Frees the native weights. Safe to call more than once. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		for (Step step : steps) {
			if (step instanceof Dense d && d.weights() != null) {
				d.weights().close();
			}
		}
	}

}
