package dev.nnfs.service.oip;

import java.util.Arrays;

/**
 * A model input's or output's name, data type and shape as model metadata declares it
 * ({@code $metadata_tensor}); {@code -1} is a dimension of any size (the batch).
 */
public record TensorMetadata(String name, String datatype, long[] shape) {

	public TensorMetadata {
		shape = shape.clone();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/** The number of dimensions. */
	public int rank() {
		return shape.length;
	}

	/** Whether a concrete shape fits this one ({@code -1} matches any size). */
	public boolean accepts(long[] concrete) {
		if (concrete.length != shape.length) {
			return false;
		}
		for (int i = 0; i < shape.length; i++) {
			if (shape[i] != -1 && shape[i] != concrete[i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TensorMetadata t && name.equals(t.name) && datatype.equals(t.datatype)
				&& Arrays.equals(shape, t.shape);
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + Arrays.hashCode(shape);
	}

	@Override
	public String toString() {
		return name + " " + datatype + " " + Shapes.toString(shape);
	}

}
