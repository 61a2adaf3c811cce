package dev.nnfs.service.oip;

import java.util.Arrays;
import java.util.Map;

import dev.nnfs.service.tensor.FloatBatch;

/**
 * One input tensor of an inference request, read and checked: its values row-major in the
 * type it is computed in, {@code float[]} for FP32 or {@code double[]} for FP64 (exactly
 * one of {@link #floats()} and {@link #doubles()} is set). {@code datatype} is the type
 * the client sent: an integer type is computed in FP32 (see {@link #computeType()}).
 *
 * <p>
 * The value array is handed over as read, not copied: the reader keeps no reference to it
 * and callers are not to change it.
 *
 * @param binary whether the values came as binary tensor data
 */
public record InferInput(String name, Datatype datatype, long[] shape, Map<String, Object> parameters, float[] floats,
		double[] doubles, boolean binary) {

	public InferInput {
		shape = shape.clone();
		parameters = Map.copyOf(parameters);
		if ((floats == null) == (doubles == null)) {
			throw new IllegalArgumentException("exactly one of floats and doubles");
		}
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/** FP64 for FP64 inputs, FP32 for all others. */
	public Datatype computeType() {
		return doubles != null ? Datatype.FP64 : Datatype.FP32;
	}

	/** The number of values. */
	public int size() {
		return floats != null ? floats.length : doubles.length;
	}

	/**
	 * An FP32 input of rank 2 as the batch the networks take ({@code [rows, cols]},
	 * neither zero).
	 * @throws IllegalStateException for another type or rank
	 */
	public FloatBatch asBatch() {
		if (floats == null || shape.length != 2) {
			throw new IllegalStateException("not an FP32 tensor of rank 2: " + datatype + " " + Shapes.toString(shape));
		}
		return FloatBatch.of(floats, (int) shape[0], (int) shape[1]);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof InferInput i && name.equals(i.name) && datatype == i.datatype
				&& Arrays.equals(shape, i.shape) && parameters.equals(i.parameters) && Arrays.equals(floats, i.floats)
				&& Arrays.equals(doubles, i.doubles) && binary == i.binary;
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + Arrays.hashCode(shape);
	}

	@Override
	public String toString() {
		return "InferInput[" + name + " " + datatype + " " + Shapes.toString(shape) + (binary ? " binary" : "") + "]";
	}

}
