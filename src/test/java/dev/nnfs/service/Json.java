package dev.nnfs.service;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading answers in tests: numbers as float32 exactly as the client would parse them.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode parse(MvcResult result) throws Exception {
		return MAPPER.readTree(result.getResponse().getContentAsString());
	}

	public static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	/**
	 * A 2-D JSON array of numbers as float32 rows (each number parsed from its text, as a
	 * client would).
	 */
	public static float[][] floats2d(JsonNode array) {
		List<float[]> rows = new ArrayList<>();
		for (JsonNode row : array) {
			rows.add(floats(row));
		}
		return rows.toArray(new float[0][]);
	}

	public static float[] floats(JsonNode row) {
		float[] out = new float[row.size()];
		for (int i = 0; i < out.length; i++) {
			assertThat(row.get(i).isNumber()).as("element %d is a number", i).isTrue();
			out[i] = Float.parseFloat(row.get(i).asString());
		}
		return out;
	}

	/** Parses a numpy printout such as "[[0. 0.1]\n [2e-05 3.]]" into float32 rows. */
	public static float[][] numpy(String printed) {
		List<float[]> rows = new ArrayList<>();
		for (String line : printed.strip().replace("[[", "[").replace("]]", "]").split("\\]")) {
			String body = line.replace("[", "").strip();
			if (body.isEmpty()) {
				continue;
			}
			String[] parts = body.split("\\s+");
			float[] row = new float[parts.length];
			for (int i = 0; i < parts.length; i++) {
				row[i] = Float.parseFloat(parts[i]);
			}
			rows.add(row);
		}
		return rows.toArray(new float[0][]);
	}

	/**
	 * Asserts that float32 values print as numpy printed them. numpy (precision 8,
	 * "maxprec") shows a value as its shortest repr when that has at most 8 digits, else
	 * rounded to 8 decimals in fixed notation or 8 significant digits in scientific
	 * notation; so each value, rounded the way its printout was, must equal the printout.
	 * Zeros compare without sign.
	 */
	public static void assertPrintsAs(float[][] actual, String printed) {
		List<String[]> rows = new ArrayList<>();
		for (String line : printed.strip().replace("[[", "[").replace("]]", "]").split("\\]")) {
			String body = line.replace("[", "").strip();
			if (!body.isEmpty()) {
				rows.add(body.split("\\s+"));
			}
		}
		assertThat(actual.length).as("rows").isEqualTo(rows.size());
		for (int r = 0; r < rows.size(); r++) {
			String[] expected = rows.get(r);
			assertThat(actual[r].length).as("columns of row %d", r).isEqualTo(expected.length);
			for (int c = 0; c < expected.length; c++) {
				java.math.BigDecimal want = new java.math.BigDecimal(
						expected[c].endsWith(".") ? expected[c] + "0" : expected[c]);
				java.math.BigDecimal got = new java.math.BigDecimal(actual[r][c]);
				java.math.BigDecimal rounded = expected[c].contains("e")
						? got.round(new java.math.MathContext(want.precision(), java.math.RoundingMode.HALF_EVEN))
						: got.setScale(8, java.math.RoundingMode.HALF_EVEN);
				if (!expected[c].endsWith(".") && Float.parseFloat(expected[c]) == actual[r][c]) {
					continue; // printed as its shortest repr
				}
				assertThat(rounded.compareTo(want)).as("[%d][%d] = %s prints as %s", r, c, actual[r][c], expected[c])
					.isZero();
			}
		}
	}

	/**
	 * Asserts equal shapes and values within {@code ulps} units in the last place of
	 * float32.
	 */
	public static void assertWithinUlps(float[][] actual, float[][] expected, int ulps) {
		assertThat(actual.length).as("rows").isEqualTo(expected.length);
		for (int r = 0; r < expected.length; r++) {
			assertThat(actual[r].length).as("columns of row %d", r).isEqualTo(expected[r].length);
			for (int c = 0; c < expected[r].length; c++) {
				float tolerance = ulps * Math.ulp(expected[r][c]);
				assertThat(actual[r][c]).as("[%d][%d]", r, c)
					.isCloseTo(expected[r][c], org.assertj.core.data.Offset.offset(tolerance));
			}
		}
	}

}
