package dev.nnfs.service.oip;

import java.math.BigInteger;

/**
 * The tensor data types of the Open Inference Protocol v2 ("Tensor Data Types" in
 * {@code inference_rest.md}), with the size of one element in the binary tensor data
 * extension ({@code 0} for BYTES, whose elements are each a 4-byte little-endian length
 * and that many bytes). BF16 is Triton's addition.
 */
public enum Datatype {

	BOOL(1), UINT8(1), UINT16(2), UINT32(4), UINT64(8), INT8(1), INT16(2), INT32(4), INT64(8), FP16(2), BF16(2),
	FP32(4), FP64(8), BYTES(0);

	private final int byteSize;

	Datatype(int byteSize) {
		this.byteSize = byteSize;
	}

	/** Bytes of one element in binary form; 0 for BYTES (variable). */
	public int byteSize() {
		return byteSize;
	}

	/** A signed or unsigned integer type. */
	public boolean isInteger() {
		return this.compareTo(UINT8) >= 0 && this.compareTo(INT64) <= 0;
	}

	public boolean isUnsigned() {
		return this.compareTo(UINT8) >= 0 && this.compareTo(UINT64) <= 0;
	}

	/** The type of that exact (upper-case) name, or null. */
	public static Datatype of(String name) {
		if (name == null) {
			return null;
		}
		for (Datatype d : values()) {
			if (d.name().equals(name)) {
				return d;
			}
		}
		return null;
	}

	/** All names, for messages. */
	public static String names() {
		StringBuilder sb = new StringBuilder();
		for (Datatype d : values()) {
			if (sb.length() > 0) {
				sb.append(", ");
			}
			sb.append(d.name());
		}
		return sb.toString();
	}

	/** Smallest value of an integer type. */
	BigInteger minValue() {
		return switch (this) {
			case INT8 -> BigInteger.valueOf(Byte.MIN_VALUE);
			case INT16 -> BigInteger.valueOf(Short.MIN_VALUE);
			case INT32 -> BigInteger.valueOf(Integer.MIN_VALUE);
			case INT64 -> BigInteger.valueOf(Long.MIN_VALUE);
			default -> BigInteger.ZERO;
		};
	}

	/** Largest value of an integer type. */
	BigInteger maxValue() {
		return isUnsigned() ? BigInteger.ONE.shiftLeft(8 * byteSize).subtract(BigInteger.ONE)
				: BigInteger.ONE.shiftLeft(8 * byteSize - 1).subtract(BigInteger.ONE);
	}

}
