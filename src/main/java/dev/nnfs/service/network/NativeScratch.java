package dev.nnfs.service.network;

import java.nio.DoubleBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
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
 *
 * <p>
 * The product is one call of OpenBLAS's {@code cblas_dgemm}, the library and function
 * ND4J's own BLAS wrapper ({@code CpuLevel3}) calls, on the buffers' addresses. Through
 * {@code Nd4j.gemm} the same dgemm cost a custom op and two array views per block; in the
 * service the views alone were a tenth of W4's request thread (see docs/performance.md),
 * though the pass in JMH did not measurably change.
 */
final class NativeScratch implements AutoCloseable {

	private DataBuffer in;

	private DataBuffer product;

	private DoublePointer inAddress;

	private DoublePointer productAddress;

	private long capacity;

	/** Doubles each buffer holds. */
	long capacity() {
		return capacity;
	}

	/**
	 * The same product as {@link ColumnKernels#product}, through one BLAS dgemm:
	 * {@code y[c][r] = Σ_j x[j][r] · w[j, c]} for {@code r < n}, x {@code [k][≥ n]}
	 * float64 columns, w a row-major {@code [k, m]} DOUBLE array of its own buffer, y
	 * {@code [≥ m][≥ n]}. y may be x itself: the input is copied off-heap before the
	 * product is copied back.
	 *
	 * <p>
	 * Accuracy: whatever dgemm computes; with the kernels {@link BlasSummationOrder}
	 * checks for, each result is summed in input order from +0.0, the bits of
	 * {@link ColumnKernels#dot}. The product is column-major: dgemm writes it several
	 * times faster than row-major, and its columns are the neurons the caller finishes
	 * one at a time.
	 * @param room doubles to allocate at least when the buffers must grow (so that a
	 * pass's later, wider layers need no second allocation)
	 * @param callRows rows per dgemm call ({@link EngineSettings#gemmCallRows}); every
	 * call sums as one call over all rows does
	 */
	void gemm(double[][] x, int n, int k, INDArray w, int m, double[][] y, long room, int callRows) {
		ensure(Math.max(room, (long) n * Math.max(k, m)));
		DoubleBuffer a = in.asNioDouble();
		for (int j = 0; j < k; j++) {
			a.put(j * n, x[j], 0, n);
		}
		// Column-major: A the n × k input (lda n); B the row-major k × m weights, read as
		// the transpose of a column-major m × k (ldb m); C the n × m product (ldc n). A
		// call over a run of rows starts A and C at the run's first row.
		DoublePointer b = (DoublePointer) w.data().addressPointer();
		try {
			for (int from = 0; from < n; from += callRows) {
				inAddress.position(from);
				productAddress.position(from);
				openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasColMajor, openblas_nolapack.CblasNoTrans,
						openblas_nolapack.CblasTrans, Math.min(callRows, n - from), m, k, 1.0, inAddress, n, b, m, 0.0,
						productAddress, n);
			}
		}
		finally {
			inAddress.position(0);
			productAddress.position(0);
		}
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
		inAddress = (DoublePointer) in.addressPointer();
		productAddress = (DoublePointer) product.addressPointer();
		capacity = doubles;
	}

	/** Frees both buffers; the scratch may grow again afterwards. */
	@Override
	public void close() {
		if (in != null) {
			in.close();
			product.close();
			in = null;
			product = null;
			inAddress = null;
			productAddress = null;
			capacity = 0;
		}
	}

}
