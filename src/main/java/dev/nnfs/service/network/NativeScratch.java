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

	/**
	 * The rows of a layer's weights that {@link #gemm} multiplies by.
	 */
	private DataBuffer weights;

	private DoublePointer weightsAddress;

	private long weightsCapacity;

	/** Which input columns {@link #gemm} kept. */
	private int[] kept = new int[0];

	/** Doubles each buffer holds. */
	long capacity() {
		return capacity;
	}

	/**
	 * The same product as {@link ColumnKernels#product}, through BLAS dgemm:
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
	 * @param leaveOutZeros {@code w}'s values as a row-major {@code [k, m]} float64
	 * array, every one finite, to leave out the input columns that are ±0.0 in every one
	 * of the {@code n} rows (with the matching rows of {@code w}); {@code null} to take
	 * every column. Their products add nothing: a float64 sum that starts at +0.0 is
	 * never -0.0 in round-to-nearest ({@code x + -x} is +0.0, and {@code +0.0 + -0.0} is
	 * +0.0), so adding a ±0.0 product leaves it as it was, and the sum of the other
	 * terms, in input order, has the same bits. That needs every weight finite
	 * ({@code 0 · ∞} is NaN), which the caller has checked.
	 * @return how many input columns went into the product
	 */
	int gemm(double[][] x, int n, int k, INDArray w, double[] leaveOutZeros, int m, double[][] y, long room,
			int callRows) {
		ensure(Math.max(room, (long) n * Math.max(k, m)));
		if (kept.length < k) {
			kept = new int[k];
		}
		DoubleBuffer a = in.asNioDouble();
		int used = 0;
		for (int j = 0; j < k; j++) {
			if (leaveOutZeros == null || !allZero(x[j], n)) {
				a.put(used * n, x[j], 0, n);
				kept[used++] = j;
			}
		}
		if (used == 0) {
			for (int c = 0; c < m; c++) {
				java.util.Arrays.fill(y[c], 0, n, 0.0);
			}
			return 0;
		}
		DoublePointer b;
		if (used == k) {
			b = (DoublePointer) w.data().addressPointer();
		}
		else {
			ensureWeights((long) used * m);
			DoubleBuffer rows = weights.asNioDouble();
			for (int i = 0; i < used; i++) {
				rows.put(i * m, leaveOutZeros, kept[i] * m, m);
			}
			b = weightsAddress;
		}
		multiply(n, used, b, m, callRows);
		unload(y, n, m);
		return used;
	}

	/**
	 * The product of the {@code n × k} input in {@link #in} and the row-major
	 * {@code k × m} weights at {@code b} into {@link #product}, {@code callRows} rows per
	 * dgemm call.
	 */
	private void multiply(int n, int k, DoublePointer b, int m, int callRows) {
		// Column-major: A the n × k input (lda n); B the row-major k × m weights, read as
		// the transpose of a column-major m × k (ldb m); C the n × m product (ldc n). A
		// call over a run of rows starts A and C at the run's first row.
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
	}

	/** The product's columns {@code c < m}, {@code n} rows each, into {@code y[c]}. */
	private void unload(double[][] y, int n, int m) {
		DoubleBuffer p = product.asNioDouble();
		for (int c = 0; c < m; c++) {
			p.get(c * n, y[c], 0, n);
		}
	}

	/**
	 * Whether {@code v[0 .. n)} are all ±0.0 (NaN is not): their bits, sign aside, are
	 * all 0. Scanned 64 values at a time, so that a column with a nonzero value near its
	 * start costs little (OR-ing bits: a quarter of the time of a max of magnitudes).
	 */
	static boolean allZero(double[] v, int n) {
		for (int from = 0; from < n; from += 64) {
			int to = Math.min(n, from + 64);
			long bits = 0;
			for (int r = from; r < to; r++) {
				bits |= Double.doubleToRawLongBits(v[r]);
			}
			if ((bits & Long.MAX_VALUE) != 0) {
				return false;
			}
		}
		return true;
	}

	private void ensureWeights(long doubles) {
		if (weightsCapacity >= doubles) {
			return;
		}
		closeWeights();
		weights = Nd4j.createBuffer(DataType.DOUBLE, Math.max(doubles, 4096), false);
		weightsAddress = (DoublePointer) weights.addressPointer();
		weightsCapacity = weights.length();
	}

	private void closeWeights() {
		if (weights != null) {
			weights.close();
			weights = null;
			weightsAddress = null;
			weightsCapacity = 0;
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

	/** Frees the buffers; the scratch may grow again afterwards. */
	@Override
	public void close() {
		closeWeights();
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
