package dev.nnfs.service.network;

import dev.nnfs.service.compute.ComputeDeadline;

import java.util.ArrayList;
import java.util.List;

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
 * @param <A> the element type's array
 */
final class BlockPipeline<A> implements AutoCloseable {

	/** Dense layers with at most this many inputs, or neurons, are computed in Java. */
	static final int SMALL = 4;

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
		block.load(input, inWidth, r0, n);
		int width = inWidth;
		for (Step step : steps) {
			ComputeDeadline.check();
			if (step instanceof Dense d) {
				DenseLayer dense = d.layer();
				double[][] x = block.columns(n, width);
				if (d.weights() != null) {
					block.scratch()
						.gemm(x, n, width, d.weights(), dense.neurons(), x, block.columnCapacity(),
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
				block.store(out, width, r0, n);
			}
		}
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
