package dev.nnfs.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files under {@code src/test/resources/golden/} (written by the numpy
 * scripts there, {@code spiral_golden.py} and {@code softmax_golden.py}): lines starting
 * with {@code #} and the header line are skipped, the rest split on commas.
 */
public final class Golden {

	private Golden() {
	}

	public static List<String[]> rows(String name) {
		InputStream in = Golden.class.getResourceAsStream("/golden/" + name);
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

}
