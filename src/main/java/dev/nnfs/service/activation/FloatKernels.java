package dev.nnfs.service.activation;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a Java kernel over the values of a FLOAT array in place, for the activations whose
 * exact semantics no single ND4J op has (numpy's float32 softmax, overflow-safe softplus
 * and log_softmax). The values are read and written in bulk through the array's native
 * buffer.
 */
final class FloatKernels {

	/** An element-wise float32 function. */
	@FunctionalInterface
	interface FloatOp {

		float apply(float x);

	}

	/** A kernel over a whole row-major {@code [rows, cols]} buffer. */
	@FunctionalInterface
	interface RowsOp {

		void apply(float[] values, int rows, int cols);

	}

	private FloatKernels() {
	}

	static void mapInPlace(INDArray x, FloatOp op) {
		rowsInPlace(x, (v, rows, cols) -> {
			for (int i = 0; i < v.length; i++) {
				v[i] = op.apply(v[i]);
			}
		});
	}

	static void mapInPlace(float[] values, int n, FloatOp op) {
		for (int i = 0; i < n; i++) {
			values[i] = op.apply(values[i]);
		}
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
