package dev.nnfs.service.tensor;

/**
 * A batch of one {@link DType}: {@code rows × cols}, row-major. A batch read from a 1-D
 * JSON array is a single sample ({@code rows == 1}) that remembers it was rank 1, so the
 * answer can keep that rank. Answers declare their arrays as {@code Batch}; each kind is
 * written by its own serializer, in the shortest round-trip form of its type.
 */
public sealed interface Batch permits FloatBatch, DoubleBatch {

	int rows();

	int cols();

	/** Whether this is a single sample written as a 1-D array. */
	boolean rank1();

	DType dtype();

	/**
	 * Value {@code index} of the row-major values, as a double (exactly, for float32).
	 */
	double value(int index);

	/**
	 * The index of the first NaN or infinite value (row-major), or -1 when every value is
	 * finite. A loop over the batch's own array: a quarter of the time of one through
	 * {@link #value} for a float32 batch.
	 */
	int firstNonFinite();

	/** The JSON Pointer of value {@code index} of this batch written at {@code at}. */
	default String pointer(String at, int index) {
		return rank1() ? at + "/" + index : at + "/" + (index / cols()) + "/" + (index % cols());
	}

	/** The JSON shape: {@code [cols]} for rank 1, otherwise {@code [rows, cols]}. */
	default int[] shape() {
		return rank1() ? new int[] { cols() } : new int[] { rows(), cols() };
	}

}
