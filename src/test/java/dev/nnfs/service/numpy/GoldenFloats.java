package dev.nnfs.service.numpy;

import dev.nnfs.service.Golden;

import java.util.List;

/**
 * The float fields of the golden files written by {@code softmax_golden.py}: 8-hex-digit
 * IEEE bit patterns, space-separated within a field.
 */
final class GoldenFloats {

	private GoldenFloats() {
	}

	static List<String[]> rows(String name) {
		return Golden.rows(name);
	}

	static int bits(String hex) {
		return Integer.parseUnsignedInt(hex, 16);
	}

	static float[] floats(String field) {
		String[] parts = field.trim().split(" ");
		float[] out = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			out[i] = Float.intBitsToFloat(bits(parts[i]));
		}
		return out;
	}

	static String hex(float value) {
		return String.format("%08x", Float.floatToRawIntBits(value));
	}

}
