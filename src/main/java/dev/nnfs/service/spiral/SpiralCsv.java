package dev.nnfs.service.spiral;

import java.io.IOException;
import java.io.Writer;

import tools.jackson.core.io.NumberOutput;

/**
 * A spiral as CSV: the header {@code x,y,label}, then one line per point in row order,
 * {@code \n}-terminated. Coordinates are float32 in their shortest round-trip form (the
 * same digits as the JSON; {@code Float.toString} of JDK 17 is not always shortest), so
 * {@code np.loadtxt(..., dtype=np.float32)} reads back exactly the stored values.
 */
final class SpiralCsv {

	static final String HEADER = "x,y,label";

	private SpiralCsv() {
	}

	/** Writes the CSV to {@code out} and flushes it (without closing). */
	static void write(Spiral spiral, Writer out) throws IOException {
		out.write(HEADER);
		out.write('\n');
		for (int row = 0, rows = spiral.rows(); row < rows; row++) {
			out.write(NumberOutput.toString(spiral.x(row), true));
			out.write(',');
			out.write(NumberOutput.toString(spiral.y(row), true));
			out.write(',');
			out.write(Integer.toString(spiral.label(row)));
			out.write('\n');
		}
		out.flush();
	}

}
