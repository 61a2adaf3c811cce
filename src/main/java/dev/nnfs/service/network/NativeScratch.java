package dev.nnfs.service.network;

import java.util.concurrent.ArrayBlockingQueue;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Off-heap float64 buffers for the GEMMs of large batches, kept between requests.
 *
 * <p>A fresh 50 MB native buffer costs more than the GEMM that fills it (the kernel maps new
 * pages and the first write to each faults it in), so a few pairs of buffers are kept and lent to
 * one request at a time. At most {@link #POOLED} pairs are kept, each buffer of at most
 * {@link #MAX_POOLED_DOUBLES}; a request that finds none free, or needs more, gets buffers of
 * its own that are freed when it ends. Nothing allocated for a request outlives it unless it goes
 * back to the pool.
 */
final class NativeScratch implements AutoCloseable {

	/** Pairs kept: one per core is enough, since a large batch keeps a core busy. */
	static final int POOLED = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

	/** Largest buffer kept, in float64 values (64 MB): a 100,000 × 64 layer fits. */
	static final long MAX_POOLED_DOUBLES = 8L << 20;

	private static final ArrayBlockingQueue<NativeScratch> POOL = new ArrayBlockingQueue<>(POOLED);

	private DataBuffer a;

	private DataBuffer b;

	private NativeScratch() {
	}

	/** A pair of buffers of at least {@code doubles} values each; close it to give it back. */
	static NativeScratch lend(long doubles) {
		NativeScratch s = POOL.poll();
		if (s == null) {
			s = new NativeScratch();
		}
		s.a = ensure(s.a, doubles);
		s.b = ensure(s.b, doubles);
		return s;
	}

	private static DataBuffer ensure(DataBuffer buffer, long doubles) {
		if (buffer != null && buffer.length() >= doubles) {
			return buffer;
		}
		if (buffer != null) {
			buffer.close();
		}
		return Nd4j.createBuffer(DataType.DOUBLE, doubles, false);
	}

	/** A {@code [rows, cols]} DOUBLE view of the first or the second buffer. */
	INDArray matrix(int which, long rows, long cols, char order) {
		long[] stride = order == 'f' ? new long[] { 1, rows } : new long[] { cols, 1 };
		return Nd4j.create(which == 0 ? a : b, new long[] { rows, cols }, stride, 0, order);
	}

	@Override
	public void close() {
		if (a.length() <= MAX_POOLED_DOUBLES && b.length() <= MAX_POOLED_DOUBLES && POOL.offer(this)) {
			return;
		}
		a.close();
		b.close();
		a = null;
		b = null;
	}

}
