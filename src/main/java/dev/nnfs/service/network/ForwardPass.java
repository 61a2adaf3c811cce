package dev.nnfs.service.network;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One forward pass under way: who computes which block of its {@link BlockPipeline}, and
 * when.
 *
 * <p>
 * The calling thread computes blocks whenever it asks for rows that are not ready
 * ({@link #awaitRows}), always the next block nobody has started, so that a caller
 * writing rows out as they are ready keeps both threads ahead of it. A helper thread,
 * when the pass is lent one and it is free, starts on the first blocks at once and takes
 * the next free one after each. Blocks are claimed from one counter, so each is computed
 * once; the output rows of a block are final once it is marked done.
 *
 * <p>
 * Made by {@link ForwardEngine#start}; the caller must {@link #close()} it, from the
 * thread that started it.
 *
 * @param <A> the element type's array
 */
final class ForwardPass<A> implements AutoCloseable {

	private final BlockPipeline<A> pipeline;

	private final int blocks;

	/** Blocks whose buffers hold at most this many values go back to the pool. */
	private final long keepDoubles;

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
	private Block<A> own;

	/** The helper's work on this pass, while lent. */
	private Future<?> help;

	private ForwardPass(BlockPipeline<A> pipeline, long keepDoubles) {
		this.pipeline = pipeline;
		this.blocks = pipeline.blocks();
		this.keepDoubles = keepDoubles;
		this.done = new boolean[blocks];
	}

	/**
	 * Starts a pass of {@code pipeline}, which it then owns: with {@code helper} (or
	 * {@code null}), lent if it is free and there is more than one block.
	 */
	static <A> ForwardPass<A> start(BlockPipeline<A> pipeline, HelperThread helper, long keepDoubles) {
		ForwardPass<A> pass = new ForwardPass<>(pipeline, keepDoubles);
		try {
			pass.own = pipeline.lendBlock();
			if (helper != null && pass.blocks > 1) {
				pass.help = helper.lend(pass::helperWork);
			}
		}
		catch (RuntimeException | Error e) {
			pass.close();
			throw e;
		}
		return pass;
	}

	int rows() {
		return pipeline.rows();
	}

	/**
	 * Per layer, its output ({@code null} for those not kept): complete once
	 * {@link #awaitRows} covered every row.
	 */
	List<A> outputs() {
		return pipeline.outputs();
	}

	/** The last layer's output, row-major {@code [rows, outWidth]}. */
	A output() {
		List<A> outputs = pipeline.outputs();
		return outputs.get(outputs.size() - 1);
	}

	/** Layer {@code i}'s output width. */
	int width(int i) {
		return pipeline.width(i);
	}

	/** The last layer's output width. */
	int outWidth() {
		return pipeline.width(pipeline.outputs().size() - 1);
	}

	/**
	 * Waits until at least the first {@code needed} rows of every kept output are
	 * computed, computing blocks on the calling thread meanwhile (see the class comment).
	 * The compute deadline of the calling thread's request is checked between the layers
	 * of each block it computes.
	 * @return how many leading rows are ready, at least {@code needed}
	 */
	int awaitRows(int needed) {
		int blocksNeeded = pipeline.blocksFor(needed);
		while (true) {
			synchronized (this) {
				throwIfFailed();
				if (donePrefix >= blocksNeeded) {
					return pipeline.rowsDone(donePrefix);
				}
			}
			int b = stop ? blocks : next.getAndIncrement();
			if (b < blocks) {
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
	 * Stops the pass if it is not finished, waits for the helper to leave it, gives the
	 * blocks' buffers back and frees the pass's native arrays. Safe to call more than
	 * once.
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
				catch (ExecutionException e) {
					break; // helperWork catches everything itself
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (own != null) {
			pipeline.releaseBlock(own, keepDoubles);
			own = null;
		}
		pipeline.close();
	}

	private void throwIfFailed() {
		if (failure instanceof RuntimeException e) {
			throw e;
		}
		if (failure instanceof Error e) {
			throw e;
		}
	}

	private void compute(Block<A> block, int b) {
		try {
			pipeline.compute(block, b);
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

	private void helperWork() {
		Block<A> block = null;
		try {
			block = pipeline.lendBlock();
			int b;
			while (!stop && (b = next.getAndIncrement()) < blocks) {
				compute(block, b);
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
			if (block != null) {
				pipeline.releaseBlock(block, keepDoubles);
			}
		}
	}

}
