package dev.nnfs.service.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batches to ND4J arrays and back, for the tests and benchmarks that compare the
 * service's kernels with ND4J's own ops. The arrays belong to the caller, who closes
 * them.
 */
public final class TestArrays {

	private TestArrays() {
	}

	/**
	 * A {@code [rows, cols]} FLOAT, c-order copy of the batch (rank 1 included, as one
	 * row).
	 */
	public static INDArray toNdArray(FloatBatch batch) {
		return NdArrays.matrix(batch.values(), batch.rows(), batch.cols());
	}

	/** The batch's rank with the array's values and width. */
	public static FloatBatch toBatch(INDArray array, FloatBatch like) {
		return like.withValues(NdArrays.toFloats(array), (int) array.size(1));
	}

}
