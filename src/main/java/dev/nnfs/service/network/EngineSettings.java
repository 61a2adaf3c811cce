package dev.nnfs.service.network;

/**
 * How a {@link ForwardEngine} splits its work. Immutable: an engine keeps the value it
 * was made with, and a test or benchmark that wants other settings makes its own engine.
 *
 * @param nativeMinMacs a pass of more multiply-adds than this
 * ({@code rows × Σ inputs × neurons} over the dense layers) is large: its wide dense
 * layers go through BLAS dgemm and the helper thread may compute some of its blocks. A
 * pass of at most this many runs in plain Java on the calling thread, without a native
 * call (one costs about 5 µs, more than the whole pass of the book's network). {@code 0}
 * makes every pass with a dense layer large; {@code Long.MAX_VALUE} none.
 * @param blockDoubles about this many float64 values per block buffer: a pass goes
 * through the network {@code max(8, min(rows, blockDoubles / widest layer))} rows at a
 * time, so a block's intermediates stay in the core's cache (the default, 512 KB, is
 * 1,024 rows of a 64-wide layer)
 * @param parallel whether a large pass may borrow the helper thread
 */
public record EngineSettings(long nativeMinMacs, int blockDoubles, boolean parallel) {

	public EngineSettings {
		if (nativeMinMacs < 0) {
			throw new IllegalArgumentException("nativeMinMacs must be at least 0, not " + nativeMinMacs);
		}
		if (blockDoubles < 1) {
			throw new IllegalArgumentException("blockDoubles must be at least 1, not " + blockDoubles);
		}
	}

	/**
	 * The service's settings (see docs/performance.md): above 2^20 multiply-adds a pass
	 * is large; blocks of about 2^16 float64 values (512 KB: two fit in a 2 MB L2 cache);
	 * the helper thread lent when free.
	 */
	public static EngineSettings defaults() {
		return new EngineSettings(1L << 20, 1 << 16, true);
	}

}
