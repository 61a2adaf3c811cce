package dev.nnfs.service.activation;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a Java kernel over the values of a FLOAT array in place, so that an activation
 * applied to an ND4J array gives the same bits as on a float[] (every activation has a
 * Java kernel: numpy's float32 softmax, {@link Kernels32}). The values are read and
 * written in bulk through the array's native buffer.
 */
final class FloatKernels {

	/** A kernel over a whole row-major {@code [rows, cols]} buffer. */
	@FunctionalInterface
	interface RowsOp {

		void apply(float[] values, int rows, int cols);

	}

	private FloatKernels() {
	}

	static void rowsInPlace(INDArray x, RowsOp op) {
		if (x.dataType() != DataType.FLOAT || x.rank() != 2 || x.ordering() != 'c' || x.isView()) {
			throw new IllegalArgumentException("expected a dense c-order [rows, cols] FLOAT array");
		}
		int rows = (int) x.size(0);
		int cols = (int) x.size(1);
		float[] values = new float[rows * cols];
		FloatBuffer buffer = x.data().asNioFloat();
		buffer.get(values);
		op.apply(values, rows, cols);
		buffer.clear();
		buffer.put(values);
	}

}
