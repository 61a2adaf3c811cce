package dev.nnfs.service.oip;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One output tensor of an inference response ({@code $response_output}): its values
 * row-major in one of {@code float[]} (FP32), {@code double[]} (FP64), {@code long[]}
 * (INT64) or {@code String[]} (BYTES), and whether it goes as binary tensor data after
 * the JSON or as a JSON {@code data} array.
 *
 * <p>
 * Arrays are held as given, not copied.
 *
 * @param parameters further parameters of the output; the writer adds
 * {@code binary_data_size} to those of a binary output
 */
public record OutputTensor(String name, Datatype datatype, long[] shape, Object values, boolean binary,
		Map<String, Object> parameters) {

	public OutputTensor {
		shape = shape.clone();
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		long n = Shapes.product(shape);
		int length = switch (datatype) {
			case FP32 -> ((float[]) values).length;
			case FP64 -> ((double[]) values).length;
			case INT64 -> ((long[]) values).length;
			case BYTES -> ((String[]) values).length;
			default -> throw new IllegalArgumentException("outputs are FP32, FP64, INT64 or BYTES, not " + datatype);
		};
		if (n != length) {
			throw new IllegalArgumentException(
					"shape " + Shapes.toString(shape) + " holds " + n + " values, not " + length + ": " + name);
		}
	}

	public static OutputTensor fp32(String name, long[] shape, float[] values) {
		return new OutputTensor(name, Datatype.FP32, shape, values, false, Map.of());
	}

	public static OutputTensor fp64(String name, long[] shape, double[] values) {
		return new OutputTensor(name, Datatype.FP64, shape, values, false, Map.of());
	}

	public static OutputTensor int64(String name, long[] shape, long[] values) {
		return new OutputTensor(name, Datatype.INT64, shape, values, false, Map.of());
	}

	public static OutputTensor bytes(String name, long[] shape, String[] values) {
		return new OutputTensor(name, Datatype.BYTES, shape, values, false, Map.of());
	}

	/** The same tensor, as binary tensor data or as JSON. */
	public OutputTensor withBinary(boolean asBinary) {
		return new OutputTensor(name, datatype, shape, values, asBinary, parameters);
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/** The number of values. */
	public int size() {
		return (int) Shapes.product(shape);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof OutputTensor t && name.equals(t.name) && datatype == t.datatype
				&& Arrays.equals(shape, t.shape)
				&& Arrays.deepEquals(new Object[] { values }, new Object[] { t.values }) && binary == t.binary
				&& parameters.equals(t.parameters);
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + Arrays.hashCode(shape);
	}

	@Override
	public String toString() {
		return "OutputTensor[" + name + " " + datatype + " " + Shapes.toString(shape) + (binary ? " binary" : "") + "]";
	}

}
