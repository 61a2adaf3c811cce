package dev.nnfs.service.oip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Triton's classification extension: the top {@code k} classes of each row of a
 * {@code [batch, classes]} output as a BYTES tensor {@code [batch, min(k, classes)]} of
 * {@code "score:index"} or {@code "score:index:label"} strings, highest score first.
 *
 * <p>
 * The score is printed as Triton's server prints it, {@code std::to_string} of the value
 * in the output's type: C's {@code %f}, six digits after the point, rounded from the
 * exact binary value ({@code "0.731059:1"}, {@code "-0.000000:3"} for -0.0). The
 * extension's document shows {@code "3.3:1"} in its example, but the server's
 * {@code src/classification.cc} writes {@code "3.300000:1"}. Equal scores list the lower
 * index first (Triton's {@code std::sort} leaves their order unspecified).
 */
public final class Classification {

	private Classification() {
	}

	/**
	 * The classification tensor of a row-major {@code [rows, cols]} FP32 output.
	 * @param labels a label per class (index), or null for none
	 */
	public static OutputTensor topK(String name, float[] values, int rows, int cols, int k, List<String> labels) {
		double[] wide = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			wide[i] = values[i];
		}
		return topK(name, wide, rows, cols, k, labels);
	}

	/** The classification tensor of a row-major {@code [rows, cols]} FP64 output. */
	public static OutputTensor topK(String name, double[] values, int rows, int cols, int k, List<String> labels) {
		if (k < 1 || (long) rows * cols != values.length) {
			throw new IllegalArgumentException("k " + k + " of [" + rows + ", " + cols + "] and " + values.length);
		}
		int kk = Math.min(k, cols);
		String[] out = new String[rows * kk];
		int[] order = new int[cols];
		for (int r = 0; r < rows; r++) {
			int base = r * cols;
			for (int i = 0; i < cols; i++) {
				order[i] = i;
			}
			if (kk > 16) {
				Integer[] sorted = new Integer[cols];
				for (int i = 0; i < cols; i++) {
					sorted[i] = i;
				}
				// Stable: equal scores keep the lower index first.
				java.util.Arrays.sort(sorted, (x, y) -> Double.compare(values[base + y] + 0.0, values[base + x] + 0.0));
				for (int i = 0; i < cols; i++) {
					order[i] = sorted[i];
				}
			}
			// Selection of the kk best: higher score first, lower index on ties.
			for (int j = 0; j < kk && kk <= 16; j++) {
				int best = j;
				for (int i = j + 1; i < cols; i++) {
					double a = values[base + order[i]];
					double b = values[base + order[best]];
					if (a > b || (a == b && order[i] < order[best])) {
						best = i;
					}
				}
				int tmp = order[j];
				order[j] = order[best];
				order[best] = tmp;
			}
			for (int j = 0; j < kk; j++) {
				int index = order[j];
				String s = score(values[base + index]) + ":" + index;
				out[r * kk + j] = labels != null && index < labels.size() ? s + ":" + labels.get(index) : s;
			}
		}
		return OutputTensor.bytes(name, new long[] { rows, kk }, out);
	}

	/** A score as C's {@code printf("%f", v)} prints it. */
	public static String score(double v) {
		if (Double.isNaN(v)) {
			return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
		}
		if (Double.isInfinite(v)) {
			return v < 0 ? "-inf" : "inf";
		}
		String s = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
		boolean negative = Double.doubleToRawLongBits(v) < 0;
		return negative && !s.startsWith("-") ? "-" + s : s;
	}

}
