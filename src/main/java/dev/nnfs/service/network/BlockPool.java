package dev.nnfs.service.network;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * Blocks kept between passes, so that a pass finds its heap columns and off-heap GEMM
 * buffers already made: a fresh native buffer costs more than a block's GEMM. At most
 * {@link #KEPT} blocks are kept, one per core that computes blocks at the same time (a
 * request thread and the helper); a pass that finds none gets a new one. A block given
 * back with a buffer larger than the pass's limit is freed instead, so nothing larger
 * than one pass's blocks outlives it.
 *
 * @param <A> the element type's array
 */
final class BlockPool<A> {

	/** Blocks kept: the calling thread's and the helper's. */
	static final int KEPT = 2;

	private final ArrayBlockingQueue<Block<A>> idle = new ArrayBlockingQueue<>(KEPT);

	private final Supplier<Block<A>> factory;

	BlockPool(Supplier<Block<A>> factory) {
		this.factory = factory;
	}

	/**
	 * A kept block or a new one, with room for blocks of {@code blockRows} rows,
	 * {@code widest} wide.
	 */
	Block<A> lend(int blockRows, int widest) {
		Block<A> block = idle.poll();
		if (block == null) {
			block = factory.get();
		}
		try {
			block.ensure(blockRows, widest);
		}
		catch (RuntimeException | Error e) {
			block.close();
			throw e;
		}
		return block;
	}

	/**
	 * Keeps {@code block} for a later pass if its largest buffer holds at most
	 * {@code keepDoubles} values and there is room, else frees its native buffers.
	 */
	void release(Block<A> block, long keepDoubles) {
		if (block.largestBuffer() > keepDoubles || !idle.offer(block)) {
			block.close();
		}
	}

}
