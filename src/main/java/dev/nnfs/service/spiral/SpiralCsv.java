package dev.nnfs.service.spiral;

import dev.nnfs.service.tensor.DType;
import tools.jackson.core.io.schubfach.DoubleToDecimal;

import java.io.IOException;
import java.io.Writer;

import tools.jackson.core.io.NumberOutput;

/**
 * A spiral as CSV: the header {@code x,y,label}, then one line per point in row order,
 * {@code \n}-terminated. Coordinates are in the shortest round-trip form of the spiral's
 * dtype (the same digits as the JSON; {@code Float.toString} and {@code Double.toString}
 * of JDK 17 are not always shortest), so {@code np.loadtxt(..., dtype=np.float32)} (or
 * float64) reads back exactly the stored values.
 */
final class SpiralCsv {

	static final String HEADER = "x,y,label";

	private SpiralCsv() {
	}

	/** Writes the CSV to {@code out} and flushes it (without closing). */
	static void write(Spiral spiral, Writer out) throws IOException {
		out.write(HEADER);
		out.write('\n');
		boolean float64 = spiral.dtype() == DType.FLOAT64;
		for (int row = 0, rows = spiral.rows(); row < rows; row++) {
			out.write(number(spiral.x(row), float64));
			out.write(',');
			out.write(number(spiral.y(row), float64));
			out.write(',');
			out.write(Integer.toString(spiral.label(row)));
			out.write('\n');
		}
		out.flush();
	}

	/** Shortest round-trip form of the value in its dtype. */
	private static String number(double v, boolean float64) {
		return float64 ? DoubleToDecimal.toString(v) : NumberOutput.toString((float) v, true);
	}

}
