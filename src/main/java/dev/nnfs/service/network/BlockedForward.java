package dev.nnfs.service.network;

import dev.nnfs.service.activation.Activations;
import dev.nnfs.service.compute.ComputeDeadline;
import dev.nnfs.service.tensor.FloatBatch;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A large batch run through the whole network one block of rows at a time, so that every
 * intermediate stays in the core's cache: the float64 products of a 100,000 × 64 layer are
 * 51 MB, a block's are half a megabyte.
 *
 * <p>Each block goes through every layer before the next block starts. A dense layer with few
 * inputs (up to {@link #SMALL}) is computed in Java row by row; one with few neurons (up to
 * {@link #SMALL}) whose input is already column-major float64 is computed in Java column by
 * column; every other dense layer is one {@code Nd4j.gemm} on the block, in float64, into an
 * f-order product. All three sum the exact float64 products of each dot product in the order
 * of the inputs, starting from +0.0 (dgemm does with the kernels {@link BlasSummationOrder}
 * checks for), and round once to float32 before the float32 bias, as
 * {@link DenseLayer#forward(float[], int, float[])} does: the blocks give the same bits as the
 * other paths. A ReLU right after a dense layer is folded into its pass.
 *
 * <p>The blocks are shared out between the calling thread and, when it is free, one helper
 * thread: on an otherwise idle machine a single large request then uses both cores. The helper
 * is lent to one request at a time and never waited for: a request that finds it busy computes
 * alone.
 */
final class BlockedForward implements AutoCloseable {

	/** Dense layers with at most this many inputs, or neurons, are computed in Java. */
	static final int SMALL = 4;

	/** About this many float64 values per block buffer (512 KB): two fit in a 2 MB L2 cache. */
	static int blockDoubles = 1 << 16;

	/** Whether a request may lend the helper thread. */
	static volatile boolean parallel = true;

	private static final AtomicBoolean HELPER_BUSY = new AtomicBoolean();

	private static volatile ExecutorService helper;

	private static final ArrayBlockingQueue<Worker> POOL = new ArrayBlockingQueue<>(2);

	private final List<Layer> layers;

	private final int rows;

	private final int blockRows;

	private final int blocks;

	private final int widest;

	private final int outWidth;

	/** Per layer, the float64 weights as an ND4J array when the layer may go through GEMM. */
	private final INDArray[] weights;

	private final float[] inputs;

	private final int inWidth;

	private final float[] out;

	/**
	 * Per layer, whether a dense layer's output is certainly free of NaN: then a ReLU after it is
	 * {@code Math.max(y, 0f)}, which the JIT vectorises, instead of {@link Activations#relu}.
	 */
	private final boolean[] noNaN;

	private final FloatBatch batch;

	/** The next block nobody has started. */
	private final AtomicInteger next = new AtomicInteger();

	private volatile boolean stop;

	/** Per block, whether it is computed; guarded by {@code this}. */
	private final boolean[] done;

	/** Blocks {@code 0 .. donePrefix - 1} are all computed; guarded by {@code this}. */
	private int donePrefix;

	/** What ended the helper's work abnormally; guarded by {@code this}. */
	private Throwable failure;

	/** The calling thread's buffers. */
	private Worker own;

	/** The helper's work on this pass, while lent. */
	private Future<?> help;

	private BlockedForward(List<Layer> layers, FloatBatch batch) {
		this.layers = layers;
		this.batch = batch;
		this.rows = batch.rows();
		this.inputs = batch.values();
		this.inWidth = batch.cols();
		int w = inWidth;
		int width = inWidth;
		for (Layer layer : layers) {
			if (layer instanceof DenseLayer dense) {
				w = Math.max(w, dense.neurons());
				width = dense.neurons();
			}
		}
		this.widest = w;
		this.outWidth = width;
		this.blockRows = (int) Math.max(8, Math.min(rows, blockDoubles / widest));
		this.blocks = (rows + blockRows - 1) / blockRows;
		this.done = new boolean[blocks];
		this.weights = new INDArray[layers.size()];
		this.out = new float[(int) ((long) rows * outWidth)];
		this.noNaN = noNaN(layers, inputs);
	}

	/**
	 * Per layer, whether a dense layer's output is certainly free of NaN ({@link OutputBounds}).
	 */
	private static boolean[] noNaN(List<Layer> layers, float[] inputs) {
		double[] bounds = OutputBounds.of(layers, inputs);
		boolean[] result = new boolean[layers.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = layers.get(i) instanceof DenseLayer && bounds[i] < OutputBounds.LIMIT;
		}
		return result;
	}

	/** The network's output for {@code batch}, one block of rows at a time. */
	static FloatBatch forward(List<Layer> layers, FloatBatch batch) {
		try (BlockedForward f = start(layers, batch)) {
			f.awaitRows(f.rows);
			return f.result();
		}
	}

	/**
	 * Starts the pass: the helper thread, when free, begins on the first blocks at once, and the
	 * calling thread computes blocks whenever it asks for rows that are not ready
	 * ({@link #awaitRows}). The caller must {@link #close()} it, from the same thread.
	 */
	static BlockedForward start(List<Layer> layers, FloatBatch batch) {
		BlockedForward f = new BlockedForward(layers, batch);
		try {
			for (int i = 0; i < layers.size(); i++) {
				if (layers.get(i) instanceof DenseLayer dense && dense.inputs() > SMALL) {
					f.weights[i] = Nd4j.create(dense.widenedWeights(), new long[] { dense.inputs(), dense.neurons() },
							'c');
				}
			}
			f.own = Worker.lend(f);
			f.lendHelper();
		}
		catch (RuntimeException | Error e) {
			f.close();
			throw e;
		}
		return f;
	}

	int rows() {
		return rows;
	}

	/** Whether no pass holds the helper thread. */
	static boolean helperIdle() {
		return !HELPER_BUSY.get();
	}

	int outWidth() {
		return outWidth;
	}

	/** The output, row-major {@code [rows, outWidth]}: complete once {@link #awaitRows} covered every row. */
	float[] out() {
		return out;
	}

	/** The whole output, after {@code awaitRows(rows())}. */
	FloatBatch result() {
		return batch.withValues(out, outWidth);
	}

	/**
	 * Waits until at least the first {@code needed} rows of the output are computed, computing
	 * blocks on the calling thread meanwhile (the next one nobody has started, so the two threads
	 * stay ahead of a caller that writes the rows out). Checks the request's compute deadline
	 * before each block it computes.
	 * @return how many leading rows are ready, at least {@code needed}
	 */
	int awaitRows(int needed) {
		int blocksNeeded = (int) (((long) needed + blockRows - 1) / blockRows);
		while (true) {
			synchronized (this) {
				throwIfFailed();
				if (donePrefix >= blocksNeeded) {
					return (int) Math.min(rows, (long) donePrefix * blockRows);
				}
			}
			int b = stop ? blocks : next.getAndIncrement();
			if (b < blocks) {
				ComputeDeadline.check();
				compute(own, b);
				continue;
			}
			synchronized (this) {
				while (donePrefix < blocksNeeded && failure == null) {
					try {
						wait();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						stop = true;
						throw new IllegalStateException("interrupted while waiting for the forward pass", e);
					}
				}
			}
		}
	}

	/**
	 * Stops the pass if it is not finished, waits for the helper to leave it, and frees the
	 * pass's native arrays. Safe to call more than once.
	 */
	@Override
	public void close() {
		stop = true;
		Future<?> h = help;
		help = null;
		if (h != null) {
			boolean interrupted = false;
			while (true) {
				try {
					h.get();
					break;
				}
				catch (InterruptedException e) {
					interrupted = true;
				}
				catch (java.util.concurrent.ExecutionException e) {
					break; // the task catches everything itself
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (own != null) {
			own.release();
			own = null;
		}
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] != null) {
				weights[i].close();
				weights[i] = null;
			}
		}
	}

	private void throwIfFailed() {
		if (failure instanceof RuntimeException e) {
			throw e;
		}
		if (failure instanceof Error e) {
			throw e;
		}
	}

	private void compute(Worker w, int b) {
		try {
			w.block(this, b * blockRows, Math.min(blockRows, rows - b * blockRows));
		}
		catch (RuntimeException | Error e) {
			stop = true;
			throw e;
		}
		synchronized (this) {
			done[b] = true;
			while (donePrefix < blocks && done[donePrefix]) {
				donePrefix++;
			}
			notifyAll();
		}
	}

	private void lendHelper() {
		if (!parallel || blocks < 2 || !HELPER_BUSY.compareAndSet(false, true)) {
			return;
		}
		try {
			help = helper().submit(this::helperWork);
		}
		catch (RuntimeException e) {
			HELPER_BUSY.set(false);
		}
	}

	private void helperWork() {
		Worker w = null;
		try {
			w = Worker.lend(this);
			int b;
			while (!stop && (b = next.getAndIncrement()) < blocks) {
				compute(w, b);
			}
		}
		catch (Throwable t) {
			stop = true;
			synchronized (this) {
				failure = t;
				notifyAll();
			}
		}
		finally {
			if (w != null) {
				w.release();
			}
			HELPER_BUSY.set(false);
		}
	}

	private static ExecutorService helper() {
		ExecutorService h = helper;
		if (h == null) {
			synchronized (BlockedForward.class) {
				h = helper;
				if (h == null) {
					h = Executors.newSingleThreadExecutor(r -> {
						Thread t = new Thread(r, "forward-helper");
						t.setDaemon(true);
						return t;
					});
					helper = h;
				}
			}
		}
		return h;
	}

	/** One thread's buffers: two off-heap for GEMM, and heap arrays for the Java passes. */
	private static final class Worker {

		private DataBuffer a;

		private DataBuffer p;

		private long capacity;

		private int columns;

		private int columnRows;

		/**
		 * A block's values as float64 images of float32 values, one array per column. Loops over
		 * whole arrays at the same index are what the JIT vectorises; offsets into one shared array
		 * are not (it cannot rule out that two such runs overlap).
		 */
		private double[][] d = new double[0][];

		/** A dense layer's few inputs, column by column. */
		private double[][] x = new double[0][];

		/** A dense layer's few neurons' dot products. */
		private double[][] acc = new double[0][];

		private float[] col = new float[0];

		/** A block's values as float32, row-major, when {@code rows} is true (else in {@link #d}). */
		private float[] f;

		private boolean rows;

		private final Map<Integer, float[]> floats = new HashMap<>();

		/** A pooled worker, or a new one, with buffers for {@code fw}'s blocks. */
		static Worker lend(BlockedForward fw) {
			Worker w = POOL.poll();
			if (w == null) {
				w = new Worker();
			}
			try {
				w.ensure((long) fw.blockRows * fw.widest, fw.blockRows, fw.widest);
			}
			catch (RuntimeException | Error e) {
				w.closeBuffers();
				throw e;
			}
			return w;
		}

		void ensure(long doubles, int blockRows, int widest) {
			if (capacity < doubles) {
				closeBuffers();
				a = Nd4j.createBuffer(DataType.DOUBLE, doubles, false);
				p = Nd4j.createBuffer(DataType.DOUBLE, doubles, false);
				capacity = doubles;
				floats.clear();
			}
			if (columns < widest || columnRows < blockRows) {
				columns = Math.max(columns, widest);
				columnRows = Math.max(columnRows, blockRows);
				d = new double[columns][columnRows];
				x = new double[SMALL][columnRows];
				acc = new double[SMALL][columnRows];
				col = new float[columnRows];
			}
		}

		void release() {
			if (capacity > 4L * blockDoubles || (long) columns * columnRows > 4L * blockDoubles || !POOL.offer(this)) {
				closeBuffers();
			}
		}

		private void closeBuffers() {
			if (a != null) {
				a.close();
				p.close();
				a = null;
				p = null;
				capacity = 0;
			}
		}

		/** A float array of exactly {@code n} values (activations through ND4J need the exact size). */
		private float[] floats(int n) {
			return floats.computeIfAbsent(n, float[]::new);
		}

		void block(BlockedForward fw, int r0, int n) {
			List<Layer> layers = fw.layers;
			int width = fw.inWidth;
			f = floats(n * width);
			System.arraycopy(fw.inputs, r0 * width, f, 0, n * width);
			rows = true;
			for (int i = 0; i < layers.size(); i++) {
				Layer layer = layers.get(i);
				if (layer instanceof DenseLayer dense) {
					boolean relu = i + 1 < layers.size() && isRelu(layers.get(i + 1));
					int reluMode = !relu ? 0 : fw.noNaN[i] ? 1 : 2;
					if (dense.inputs() <= SMALL) {
						toFloatRows(n, width);
						fewInputs(dense, n, reluMode);
					}
					else if (dense.neurons() <= SMALL && !rows) {
						fewNeurons(dense, n, reluMode);
					}
					else {
						gemm(dense, fw.weights[i], n, width, reluMode);
					}
					width = dense.neurons();
					if (relu) {
						i++;
					}
				}
				else {
					toFloatRows(n, width);
					ActivationLayer a = (ActivationLayer) layer;
					a.activation().applyInPlace(f, n, width, a.params());
				}
			}
			toFloatRows(n, width);
			System.arraycopy(f, 0, fw.out, r0 * width, n * width);
		}

		private void toFloatRows(int n, int width) {
			if (rows) {
				return;
			}
			float[] y = floats(n * width);
			for (int c = 0; c < width; c++) {
				double[] s = d[c];
				for (int r = 0, o = c; r < n; r++, o += width) {
					y[o] = (float) s[r];
				}
			}
			f = y;
			rows = true;
		}

		/** The block's row-major float32 values into {@link #d}, column by column. */
		private void toColumns(int n, int width) {
			if (!rows) {
				return;
			}
			for (int c = 0; c < width; c++) {
				double[] s = d[c];
				for (int r = 0, o = c; r < n; r++, o += width) {
					s[r] = f[o];
				}
			}
			rows = false;
		}

		/**
		 * {@code s[r] = relu?((float) s[r] + b)}, kept as float64: one neuron's output from its dot
		 * products. Loops of one element type each, which the JIT vectorises (a float32 round trip
		 * inside a float64 loop it does not).
		 */
		private void finish(double[] s, int n, float b, int reluMode) {
			float[] y = col;
			for (int r = 0; r < n; r++) {
				y[r] = (float) s[r] + b;
			}
			relu(y, n, reluMode);
			for (int r = 0; r < n; r++) {
				s[r] = y[r];
			}
		}

		/** 0: none; 1: no NaN possible, {@code Math.max}; 2: {@link Activations#relu}. */
		private static void relu(float[] y, int n, int reluMode) {
			if (reluMode == 1) {
				for (int r = 0; r < n; r++) {
					y[r] = Math.max(y[r], 0f);
				}
			}
			else if (reluMode == 2) {
				for (int r = 0; r < n; r++) {
					y[r] = Activations.relu(y[r]);
				}
			}
		}

		/**
		 * {@code s = x · W[:, c]} for the block: float64 products summed in input order from +0.0.
		 */
		private static void dot(double[][] xs, int k, double[] w, int m, int c, int n, double[] s) {
			double w0 = w[c];
			double[] x0 = xs[0];
			for (int r = 0; r < n; r++) {
				s[r] = 0.0 + x0[r] * w0;
			}
			for (int j = 1; j < k; j++) {
				double wj = w[j * m + c];
				double[] xj = xs[j];
				for (int r = 0; r < n; r++) {
					s[r] += xj[r] * wj;
				}
			}
		}

		/** Few inputs (row-major float32 in {@link #f}): neuron by neuron over the block's columns. */
		private void fewInputs(DenseLayer dense, int n, int reluMode) {
			int k = dense.inputs();
			int m = dense.neurons();
			double[] w = dense.widenedWeights();
			float[] b = dense.biases();
			double[][] xs = x;
			for (int j = 0; j < k; j++) {
				double[] xj = xs[j];
				for (int r = 0, o = j; r < n; r++, o += k) {
					xj[r] = f[o];
				}
			}
			// Two passes rather than one loop that calls both: with one, C2 sometimes compiled
			// the finishing loops here much slower than the same loops after a GEMM (JMH, JDK 17).
			for (int c = 0; c < m; c++) {
				dot(xs, k, w, m, c, n, d[c]);
			}
			for (int c = 0; c < m; c++) {
				finish(d[c], n, b[c], reluMode);
			}
			rows = false;
		}

		/** Few neurons, input in {@link #d}: the block's rows at once, neuron by neuron. */
		private void fewNeurons(DenseLayer dense, int n, int reluMode) {
			int k = dense.inputs();
			int m = dense.neurons();
			double[] w = dense.widenedWeights();
			float[] b = dense.biases();
			for (int c = 0; c < m; c++) {
				dot(d, k, w, m, c, n, acc[c]);
				finish(acc[c], n, b[c], reluMode);
			}
			for (int c = 0; c < m; c++) {
				double[] t = d[c];
				d[c] = acc[c];
				acc[c] = t;
			}
		}

		/** One GEMM on the block, then neuron by neuron from the f-order product. */
		private void gemm(DenseLayer dense, INDArray w, int n, int width, int reluMode) {
			int m = dense.neurons();
			toColumns(n, width);
			DoubleBuffer in = a.asNioDouble();
			for (int c = 0; c < width; c++) {
				in.put(c * n, d[c], 0, n);
			}
			// Views of the kept buffers: closing one would free the buffer.
			Nd4j.gemm(view(a, n, width, 'f'), w, view(p, n, m, 'f'), false, false, 1.0, 0.0);
			DoubleBuffer product = p.asNioDouble();
			float[] b = dense.biases();
			for (int c = 0; c < m; c++) {
				product.get(c * n, d[c], 0, n);
				finish(d[c], n, b[c], reluMode);
			}
		}

		private static INDArray view(DataBuffer buffer, long rows, long cols, char order) {
			long[] stride = order == 'f' ? new long[] { 1, rows } : new long[] { cols, 1 };
			return Nd4j.create(buffer, new long[] { rows, cols }, stride, 0, order);
		}

	}

	private static boolean isRelu(Layer layer) {
		return layer instanceof ActivationLayer a && "relu".equals(a.activation().name());
	}

}
