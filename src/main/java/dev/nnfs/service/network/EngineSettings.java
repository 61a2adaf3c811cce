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
 * time, so a block's intermediates stay in the core's cache (the default, 256 KB, is 512
 * rows of a 64-wide layer)
 * @param parallel whether a large pass may borrow the helper thread
 * @param gemmCallMacs the most multiply-adds one dgemm call computes: a block's product
 * is split into calls over runs of its rows that stay within this (never runs of fewer
 * than {@link #MIN_CALL_ROWS} rows; {@code Long.MAX_VALUE}: one call per block). See
 * {@link #gemmCallMacsFor}.
 */
public record EngineSettings(long nativeMinMacs, int blockDoubles, boolean parallel, long gemmCallMacs) {

	/**
	 * The most multiply-adds OpenBLAS's SkylakeX dgemm computes with its small-matrix
	 * kernels ({@code dgemm_small_kernel_permit_skylakex.c}: M·N·K ≤ 10⁶). Those read A
	 * and B where they lie, with no packing, and write C without zeroing it first.
	 */
	public static final long SKYLAKEX_SMALL_GEMM_MACS = 1_000_000;

	/** A block's dgemm is never split into runs of fewer rows than this. */
	public static final int MIN_CALL_ROWS = 64;

	public EngineSettings {
		if (nativeMinMacs < 0) {
			throw new IllegalArgumentException("nativeMinMacs must be at least 0, not " + nativeMinMacs);
		}
		if (blockDoubles < 1) {
			throw new IllegalArgumentException("blockDoubles must be at least 1, not " + blockDoubles);
		}
		if (gemmCallMacs < 1) {
			throw new IllegalArgumentException("gemmCallMacs must be at least 1, not " + gemmCallMacs);
		}
	}

	/** One dgemm call per block. */
	public EngineSettings(long nativeMinMacs, int blockDoubles, boolean parallel) {
		this(nativeMinMacs, blockDoubles, parallel, Long.MAX_VALUE);
	}

	/**
	 * The dgemm call size for the OpenBLAS kernels named by {@code coretype} (the value
	 * of {@code OPENBLAS_CORETYPE}, which the image sets):
	 * {@link #SKYLAKEX_SMALL_GEMM_MACS} for SkylakeX, whose small-matrix kernels then
	 * take every call (measured on 100,000 rows through 2 → 64 → 64 → 3, two cores: 17.1
	 * → 15.8 ms); one call per block for every other value, unset included (Haswell's
	 * kernels have no such path, and split calls cost them 18.7 → 21.0 ms).
	 */
	public static long gemmCallMacsFor(String coretype) {
		return "SkylakeX".equalsIgnoreCase(coretype) ? SKYLAKEX_SMALL_GEMM_MACS : Long.MAX_VALUE;
	}

	/**
	 * Rows per dgemm call for a block of {@code n} rows through a {@code k → m} layer: as
	 * many as keep a call within {@link #gemmCallMacs}, or all {@code n} when that is
	 * fewer than {@link #MIN_CALL_ROWS}.
	 */
	int gemmCallRows(int n, int k, int m) {
		long fit = gemmCallMacs / ((long) k * m);
		return fit < MIN_CALL_ROWS ? n : (int) Math.min(n, fit);
	}

	/**
	 * The service's settings (see docs/performance.md): above 2^20 multiply-adds a pass
	 * is large; blocks of about 2^15 float64 values (256 KB; a thread's four buffers fit
	 * in a 2 MB L2 cache; 13.5 against 14.1 ms for 2^16 in {@code bigBatch}); the helper
	 * thread lent when free; dgemm calls sized for the process's
	 * {@code OPENBLAS_CORETYPE} ({@link #gemmCallMacsFor}).
	 */
	public static EngineSettings defaults() {
		return new EngineSettings(1L << 20, 1 << 15, true, gemmCallMacsFor(System.getenv("OPENBLAS_CORETYPE")));
	}

}
