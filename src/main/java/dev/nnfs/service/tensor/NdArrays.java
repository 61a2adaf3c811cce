package dev.nnfs.service.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place batches cross between the service's own buffers and ND4J's off-heap
 * arrays. Arrays made here belong to the caller, who closes them (or lets a workspace
 * reclaim them).
 */
public final class NdArrays {

	private NdArrays() {
	}

	/** A {@code [rows, cols]} FLOAT, c-order copy of row-major values. */
	public static INDArray matrix(float[] values, int rows, int cols) {
		return Nd4j.create(values, new long[] { rows, cols }, 'c');
	}

	/** The values of a 2-D FLOAT array in row-major order. */
	public static float[] toFloats(INDArray array) {
		if (array.dataType() != DataType.FLOAT || array.rank() != 2) {
			throw new IllegalArgumentException(
					"expected a 2-D FLOAT array, got " + array.dataType() + " rank " + array.rank());
		}
		INDArray c = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
		try {
			return c.data().asFloat();
		}
		finally {
			if (c != array) {
				c.close();
			}
		}
	}

}
