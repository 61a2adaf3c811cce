package dev.nnfs.service.numpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

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
		// numpy 2.4.6, float32, AVX512F: bits 3db861f3 3e7a9a19 3f2a4d3b, whose shortest
		// reprs
		// (repr of the np.float32 scalars) are these; 0.66524096 is the same float as
		// 0.66524094
		assertThat(softmax(1, 2, 3)).isEqualTo(parse("0.09003057", "0.24472846", "0.66524094"));
		assertThat(softmax(1, 2, 3)).isEqualTo(parse("0.09003057", "0.24472846", "0.66524096"));
		assertThat(hex(softmax(1, 2, 3))).isEqualTo("3db861f3 3e7a9a19 3f2a4d3b");
	}

	@Test
	void softmaxOfMinusOneTwoThreeIsNumpys() {
		assertThat(softmax(-1, -2, -3)).isEqualTo(parse("0.66524094", "0.24472846", "0.09003057"));
		assertThat(hex(softmax(-1, -2, -3))).isEqualTo("3f2a4d3b 3e7a9a19 3db861f3");
	}

	@Test
	void correctlyRoundedExpWouldGiveOtherBits() {
		// With (float) Math.exp the middle probability is 3e7a9a1a, the float that the
		// book's
		// float64 print 0.24472847 also parses to; numpy's float32 exp(-1) is 1 ulp lower
		// and
		// so is its middle probability (3e7a9a19). 0.66524094 and 0.66524096 are one
		// float.
		float[] e = { (float) Math.exp(-2.0), (float) Math.exp(-1.0), 1f };
		float sum = (e[0] + e[1]) + e[2];
		float[] plain = { e[0] / sum, e[1] / sum, e[2] / sum };
		assertThat(hex(plain)).isEqualTo("3db861f3 3e7a9a1a 3f2a4d3b");
		assertThat(plain).isEqualTo(parse("0.09003057", "0.24472847", "0.66524094"));
		assertThat(new float[] { plain[1], plain[2] }).isEqualTo(parse("0.24472848", "0.66524096"));
	}

	@Test
	void everyGoldenRowMatchesNumpyBitForBit() {
		List<String> mismatches = new ArrayList<>();
		List<String[]> rows = GoldenFloats.rows("softmax_golden.csv");
		for (String[] row : rows) {
			int cols = Integer.parseInt(row[1]);
			float[] input = GoldenFloats.floats(row[2]);
			assertThat(input).hasSize(cols);
			String soft = hex(softmax(input));
			String logSoft = hex(logSoftmax(input));
			if (!soft.equals(row[3].trim())) {
				mismatches.add("softmax row " + row[0] + " (" + cols + " cols)");
			}
			if (!logSoft.equals(row[4].trim())) {
				mismatches.add("log_softmax row " + row[0] + " (" + cols + " cols)");
			}
		}
		assertThat(rows.size() >= 200).as("golden rows: " + rows.size()).isTrue();
		assertThat(mismatches).isEmpty();
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
				assertThat(slice(soft, r * cols, cols)).isEqualTo(GoldenFloats.floats(rows.get(r)[3]));
				assertThat(slice(logSoft, r * cols, cols)).isEqualTo(GoldenFloats.floats(rows.get(r)[4]));
			}
			stacked++;
		}
		assertThat(stacked > 10).as("widths stacked: " + stacked).isTrue();
	}

	private static float[] slice(float[] values, int from, int length) {
		float[] out = new float[length];
		System.arraycopy(values, from, out, 0, length);
		return out;
	}

	@Test
	void bookRowsAreWithinTwoUlpsOfADoublePrecisionSoftmax() {
		float[][] rows = { { 4.8f, 1.21f, 2.385f }, { 8.9f, -1.81f, 0.2f }, { 1.41f, 1.051f, 0.026f }, { 1, 2, 3 },
				{ -1, -2, -3 } };
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
				assertThat(Math.abs(p[i] - exact) <= 2 * Math.ulp((float) exact)).as("softmax " + row[i]).isTrue();
			}
		}
		// numpy float32 bits (the book prints its float64 result, [0.89528266 0.02470831
		// 0.08000903])
		assertThat(hex(softmax(4.8f, 1.21f, 2.385f))).isEqualTo("3f65313f 3cca6913 3da3dbc3");
	}

	@Test
	void largeInputsDoNotOverflow() {
		float[] p = softmax(1000, 1001);
		assertThat(Float.isFinite(p[0]) && Float.isFinite(p[1])).isTrue();
		assertThat((double) p[0] + p[1]).isCloseTo(1.0, within(1e-6));
		assertThat(p).isEqualTo(parse("0.2689414", "0.7310586"));
		float[] l = logSoftmax(0, 200);
		assertThat(Float.isFinite(l[0]) && Float.isFinite(l[1])).isTrue();
		// isEqualTo(Float.valueOf(..)) compares with Float.equals, bit for bit: -0.0f
		// would not pass
		assertThat(l[0]).isEqualTo(Float.valueOf(-200f));
		assertThat(l[1]).isEqualTo(Float.valueOf(0f));
	}

	@Test
	void nanAndInfinityBehaveAsInNumpy() {
		float[] withNan = softmax(1, Float.NaN, 3);
		float[] withInf = softmax(1, Float.POSITIVE_INFINITY);
		float[] allMinusInf = logSoftmax(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
		for (float v : new float[] { withNan[0], withNan[1], withNan[2], withInf[0], withInf[1], allMinusInf[0] }) {
			assertThat(Float.isNaN(v)).isTrue();
		}
		assertThat(softmax(Float.NEGATIVE_INFINITY, 5)).isEqualTo(new float[] { 0f, 1f });
	}

	@Test
	void shapesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> Softmax.softmaxRowsInPlace(new float[3], 2, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> Softmax.softmaxRowsInPlace(new float[3], 1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Softmax.logSoftmaxRowsInPlace(new float[3], -1, 3));
		float[] untouched = { 5, 6, 7 };
		Softmax.softmaxRowsInPlace(untouched, 0, 3);
		Softmax.logSoftmaxRowsInPlace(untouched, 0, 0);
		assertThat(untouched).isEqualTo(new float[] { 5, 6, 7 });
		// only rows * cols elements are touched
		float[] longer = { 1, 2, 3, 42 };
		Softmax.softmaxRowsInPlace(longer, 1, 3);
		assertThat(longer[3]).isEqualTo(Float.valueOf(42f));
	}

}
