package dev.nnfs.service.network;

import java.nio.DoubleBuffer;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One thread's two off-heap float64 buffers for the GEMMs of its blocks: the block's
 * input and its product. They grow on demand and live as long as the {@link Block} that
 * holds them, which {@link BlockPool} keeps between passes (a fresh native buffer costs
 * more than a block's GEMM: the kernel maps new pages and the first write to each faults
 * it in). {@link #close()} frees them.
 */
final class NativeScratch implements AutoCloseable {

	private DataBuffer in;

	private DataBuffer product;

	private long capacity;

	/** Doubles each buffer holds. */
	long capacity() {
		return capacity;
	}

	/**
	 * The same product as {@link ColumnKernels#product}, through one BLAS dgemm:
	 * {@code y[c][r] = Σ_j x[j][r] · w[j, c]} for {@code r < n}, x {@code [k][≥ n]}
	 * float64 columns, w a {@code [k, m]} DOUBLE array, y {@code [≥ m][≥ n]}. y may be x
	 * itself: the input is copied off-heap before the product is copied back.
	 *
	 * <p>
	 * Accuracy: whatever dgemm computes; with the kernels {@link BlasSummationOrder}
	 * checks for, each result is summed in input order from +0.0, the bits of
	 * {@link ColumnKernels#dot}. The product is f-order: dgemm writes it several times
	 * faster than c-order, and its columns are the neurons the caller finishes one at a
	 * time.
	 * @param room doubles to allocate at least when the buffers must grow (so that a
	 * pass's later, wider layers need no second allocation)
	 */
	void gemm(double[][] x, int n, int k, INDArray w, int m, double[][] y, long room) {
		ensure(Math.max(room, (long) n * Math.max(k, m)));
		DoubleBuffer a = in.asNioDouble();
		for (int j = 0; j < k; j++) {
			a.put(j * n, x[j], 0, n);
		}
		// Views of the kept buffers, not closed: closing one would free the buffer.
		Nd4j.gemm(view(in, n, k), w, view(product, n, m), false, false, 1.0, 0.0);
		DoubleBuffer p = product.asNioDouble();
		for (int c = 0; c < m; c++) {
			p.get(c * n, y[c], 0, n);
		}
	}

	private void ensure(long doubles) {
		if (capacity >= doubles) {
			return;
		}
		close();
		in = Nd4j.createBuffer(DataType.DOUBLE, doubles, false);
		try {
			product = Nd4j.createBuffer(DataType.DOUBLE, doubles, false);
		}
		catch (RuntimeException | Error e) {
			in.close();
			in = null;
			throw e;
		}
		capacity = doubles;
	}

	/** An f-order {@code [rows, cols]} DOUBLE view of the start of {@code buffer}. */
	private static INDArray view(DataBuffer buffer, long rows, long cols) {
		return Nd4j.create(buffer, new long[] { rows, cols }, new long[] { 1, rows }, 0, 'f');
	}

	/** Frees both buffers; the scratch may grow again afterwards. */
	@Override
	public void close() {
		if (in != null) {
			in.close();
			product.close();
			in = null;
			product = null;
			capacity = 0;
		}
	}

}
