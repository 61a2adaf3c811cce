package dev.nnfs.service.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoftmaxTests {

	private static float[] softmax(float... row) {
		float[] values = row.clone();
		Softmax.softmaxRowsInPlace(values, 1, values.length);
		return values;
	}

	private static float[] logSoftmax(float... row) {
		float[] values = row.clone();
		Softmax.logSoftmaxRowsInPlace(values, 1, values.length);
		return values;
	}

	private static float[] parse(String... reprs) {
		float[] out = new float[reprs.length];
		for (int i = 0; i < reprs.length; i++) {
			out[i] = Float.parseFloat(reprs[i]);
		}
		return out;
	}

	private static String hex(float[] values) {
		StringBuilder out = new StringBuilder();
		for (float v : values) {
			out.append(out.length() == 0 ? "" : " ").append(GoldenFloats.hex(v));
		}
		return out.toString();
	}

	@Test
	void softmaxOfOneTwoThreeIsNumpys() {
		// numpy 2.4.6, float32, AVX512F: bits 3db861f3 3e7a9a19 3f2a4d3b, whose shortest reprs
		// (repr of the np.float32 scalars) are these; 0.66524096 is the same float as 0.66524094
		assertArrayEquals(parse("0.09003057", "0.24472846", "0.66524094"), softmax(1, 2, 3));
		assertArrayEquals(parse("0.09003057", "0.24472846", "0.66524096"), softmax(1, 2, 3));
		assertEquals("3db861f3 3e7a9a19 3f2a4d3b", hex(softmax(1, 2, 3)));
	}

	@Test
	void softmaxOfMinusOneTwoThreeIsNumpys() {
		assertArrayEquals(parse("0.66524094", "0.24472846", "0.09003057"), softmax(-1, -2, -3));
		assertEquals("3f2a4d3b 3e7a9a19 3db861f3", hex(softmax(-1, -2, -3)));
	}

	@Test
	void correctlyRoundedExpWouldGiveOtherBits() {
		// With (float) Math.exp the middle probability is 3e7a9a1a, the float that the book's
		// float64 print 0.24472847 also parses to; numpy's float32 exp(-1) is 1 ulp lower and
		// so is its middle probability (3e7a9a19). 0.66524094 and 0.66524096 are one float.
		float[] e = { (float) Math.exp(-2.0), (float) Math.exp(-1.0), 1f };
		float sum = (e[0] + e[1]) + e[2];
		float[] plain = { e[0] / sum, e[1] / sum, e[2] / sum };
		assertEquals("3db861f3 3e7a9a1a 3f2a4d3b", hex(plain));
		assertArrayEquals(parse("0.09003057", "0.24472847", "0.66524094"), plain);
		assertArrayEquals(parse("0.24472848", "0.66524096"), new float[] { plain[1], plain[2] });
	}

	@Test
	void everyGoldenRowMatchesNumpyBitForBit() {
		List<String> mismatches = new ArrayList<>();
		List<String[]> rows = GoldenFloats.rows("softmax_golden.csv");
		for (String[] row : rows) {
			int cols = Integer.parseInt(row[1]);
			float[] input = GoldenFloats.floats(row[2]);
			assertEquals(cols, input.length);
			String soft = hex(softmax(input));
			String logSoft = hex(logSoftmax(input));
			if (!soft.equals(row[3].trim())) {
				mismatches.add("softmax row " + row[0] + " (" + cols + " cols)");
			}
			if (!logSoft.equals(row[4].trim())) {
				mismatches.add("log_softmax row " + row[0] + " (" + cols + " cols)");
			}
		}
		assertTrue(rows.size() >= 200, "golden rows: " + rows.size());
		assertEquals(List.of(), mismatches);
	}

	@Test
	void rowsOfOneBufferAreIndependent() {
		// golden rows of equal width stacked into one row-major buffer
		Map<Integer, List<String[]>> byWidth = new LinkedHashMap<>();
		for (String[] row : GoldenFloats.rows("softmax_golden.csv")) {
			byWidth.computeIfAbsent(Integer.parseInt(row[1]), k -> new ArrayList<>()).add(row);
		}
		int stacked = 0;
		for (Map.Entry<Integer, List<String[]>> entry : byWidth.entrySet()) {
			int cols = entry.getKey();
			List<String[]> rows = entry.getValue();
			if (rows.size() < 2) {
				continue;
			}
			float[] soft = new float[rows.size() * cols];
			for (int r = 0; r < rows.size(); r++) {
				System.arraycopy(GoldenFloats.floats(rows.get(r)[2]), 0, soft, r * cols, cols);
			}
			float[] logSoft = soft.clone();
			Softmax.softmaxRowsInPlace(soft, rows.size(), cols);
			Softmax.logSoftmaxRowsInPlace(logSoft, rows.size(), cols);
			for (int r = 0; r < rows.size(); r++) {
				assertArrayEquals(GoldenFloats.floats(rows.get(r)[3]), slice(soft, r * cols, cols));
				assertArrayEquals(GoldenFloats.floats(rows.get(r)[4]), slice(logSoft, r * cols, cols));
			}
			stacked++;
		}
		assertTrue(stacked > 10, "widths stacked: " + stacked);
	}

	private static float[] slice(float[] values, int from, int length) {
		float[] out = new float[length];
		System.arraycopy(values, from, out, 0, length);
		return out;
	}

	@Test
	void bookRowsAreWithinTwoUlpsOfADoublePrecisionSoftmax() {
		float[][] rows = { { 4.8f, 1.21f, 2.385f }, { 8.9f, -1.81f, 0.2f }, { 1.41f, 1.051f, 0.026f },
				{ 1, 2, 3 }, { -1, -2, -3 } };
		for (float[] row : rows) {
			float[] p = softmax(row);
			double max = Double.NEGATIVE_INFINITY;
			for (float v : row) {
				max = Math.max(max, v);
			}
			// the reference starts from the same float32 x - max, then works in double
			double sum = 0;
			for (float v : row) {
				sum += Math.exp((float) (v - max));
			}
			for (int i = 0; i < row.length; i++) {
				double exact = Math.exp((float) (row[i] - max)) / sum;
				assertTrue(Math.abs(p[i] - exact) <= 2 * Math.ulp((float) exact), "softmax " + row[i]);
			}
		}
		// numpy float32 bits (the book prints its float64 result, [0.89528266 0.02470831 0.08000903])
		assertEquals("3f65313f 3cca6913 3da3dbc3", hex(softmax(4.8f, 1.21f, 2.385f)));
	}

	@Test
	void largeInputsDoNotOverflow() {
		float[] p = softmax(1000, 1001);
		assertTrue(Float.isFinite(p[0]) && Float.isFinite(p[1]));
		assertEquals(1.0, (double) p[0] + p[1], 1e-6);
		assertArrayEquals(parse("0.2689414", "0.7310586"), p);
		float[] l = logSoftmax(0, 200);
		assertTrue(Float.isFinite(l[0]) && Float.isFinite(l[1]));
		assertEquals(-200f, l[0]);
		assertEquals(0f, l[1]);
	}

	@Test
	void nanAndInfinityBehaveAsInNumpy() {
		float[] withNan = softmax(1, Float.NaN, 3);
		float[] withInf = softmax(1, Float.POSITIVE_INFINITY);
		float[] allMinusInf = logSoftmax(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
		for (float v : new float[] { withNan[0], withNan[1], withNan[2], withInf[0], withInf[1], allMinusInf[0] }) {
			assertTrue(Float.isNaN(v));
		}
		assertArrayEquals(new float[] { 0f, 1f }, softmax(Float.NEGATIVE_INFINITY, 5));
	}

	@Test
	void shapesAreChecked() {
		assertThrows(IllegalArgumentException.class, () -> Softmax.softmaxRowsInPlace(new float[3], 2, 2));
		assertThrows(IllegalArgumentException.class, () -> Softmax.softmaxRowsInPlace(new float[3], 1, 0));
		assertThrows(IllegalArgumentException.class, () -> Softmax.logSoftmaxRowsInPlace(new float[3], -1, 3));
		float[] untouched = { 5, 6, 7 };
		Softmax.softmaxRowsInPlace(untouched, 0, 3);
		Softmax.logSoftmaxRowsInPlace(untouched, 0, 0);
		assertArrayEquals(new float[] { 5, 6, 7 }, untouched);
		// only rows * cols elements are touched
		float[] longer = { 1, 2, 3, 42 };
		Softmax.softmaxRowsInPlace(longer, 1, 3);
		assertEquals(42f, longer[3]);
	}

}
