package dev.nnfs.service.activation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files under {@code src/test/resources/golden/} written by
 * {@code softmax_golden.py}: comment lines ({@code #}) and the header are skipped, fields are
 * split on commas, floats are 8-hex-digit IEEE bit patterns (space-separated within a field).
 */
final class GoldenFloats {

	private GoldenFloats() {
	}

	static List<String[]> rows(String name) {
		InputStream in = GoldenFloats.class.getResourceAsStream("/golden/" + name);
		if (in == null) {
			throw new IllegalStateException("missing golden file " + name);
		}
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			boolean header = true;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				rows.add(line.split(","));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
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
