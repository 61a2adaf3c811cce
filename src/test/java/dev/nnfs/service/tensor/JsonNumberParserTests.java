package dev.nnfs.service.tensor;

import dev.nnfs.service.config.Limits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link JsonNumberParser} against {@code Double.parseDouble} (bit for bit) on millions
 * of literals, against Jackson's own reading where the two differ ({@code -0}), and its
 * refusals of everything that is not a strict JSON number.
 */
class JsonNumberParserTests {

	private final JsonNumberParser parser = new JsonNumberParser(64);

	/** The value, or null when refused; the literal must be consumed whole. */
	private Double parse(String s) {
		byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
		int end = parser.parse(b, 0, b.length);
		if (end < 0) {
			return null;
		}
		if (end != b.length) {
			return null;
		}
		return parser.value();
	}

	private void check(String s) {
		Double ours = parse(s);
		double expected = Double.parseDouble(s);
		if (s.matches("-?0")) {
			// Jackson reads the integer literal -0 as the integer 0
			expected = 0.0;
		}
		if (Double.isInfinite(expected)) {
			if (ours != null) {
				fail(s + " is beyond float64 and must be refused, not read as " + ours);
			}
			return;
		}
		if (ours == null) {
			fail(s + " was refused; Double.parseDouble reads " + expected);
		}
		if (Double.doubleToRawLongBits(ours) != Double.doubleToRawLongBits(expected)) {
			fail(s + ": " + ours + " but Double.parseDouble reads " + expected);
		}
	}

	@Test
	void edgeCases() {
		for (String s : List.of("0", "-0", "0.0", "-0.0", "0e0", "-0e0", "0E+0", "0e-0", "1", "-1", "9007199254740991",
				"9007199254740992", "9007199254740993", "-9007199254740993", "9007199254740994", "9007199254740995",
				"18014398509481985", "1e22", "1e23", "-1e22", "1e-22", "1e-23", "9999999999999999999",
				"99999999999999999999", "12345678901234567890123", "1.7976931348623157e308", "1.7976931348623158e308",
				"1.7976931348623159e308", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
				"-1e-400", "2.2250738585072011e-308", "2.2250738585072012e-308", "0.1", "0.2", "0.3", "3.4028235E38",
				"1.4E-45", "0.0012301534", "-0.27413785", "0.00000000000000000000000000001",
				"100000000000000000000000000000", "1.000000000000000000000000001", "123456789012345678.9",
				"0.1234567890123456789", "1234567890123456789", "1234567890123456789e-22", "1e+22", "1E-22",
				"8.98846567431158e307", "5e-324", "1e308", "1e-308", "7.2057594037927933e16", "3.0000000000000004",
				"0.30000000000000004", "4503599627370496.5", "4503599627370497.5", "9007199254740993.0000000001")) {
			check(s);
		}
	}

	@Test
	void leadingAndTrailingZeros() {
		for (int zeros = 0; zeros < 40; zeros++) {
			String z = "0".repeat(zeros);
			check("0." + z + "1");
			check("0." + z + "123456789");
			check("1" + z);
			check("1." + z + "0");
			check("1" + z + ".5");
			check("123." + z + "0");
			check("0." + z + "12345e-" + zeros);
			check("-9" + z + "e-" + zeros);
		}
	}

	@Test
	void randomFloat32AndFloat64ShortestForms() {
		SplittableRandom random = new SplittableRandom(1414);
		for (int i = 0; i < 1_000_000; i++) {
			float f = Float.intBitsToFloat(random.nextInt());
			if (Float.isFinite(f)) {
				check(Float.toString(f));
			}
			check(Float.toString((float) random.nextGaussian()));
			double d = Double.longBitsToDouble(random.nextLong());
			if (Double.isFinite(d)) {
				check(Double.toString(d));
			}
			check(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30))));
		}
	}

	@Test
	void randomDigitStringsWithExponents() {
		SplittableRandom random = new SplittableRandom(27);
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 1_000_000; i++) {
			sb.setLength(0);
			if (random.nextBoolean()) {
				sb.append('-');
			}
			int intDigits = random.nextInt(1, 22);
			sb.append(random.nextInt(10) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
			if (sb.charAt(sb.length() - 1) != '0') {
				for (int k = 1; k < intDigits; k++) {
					sb.append((char) ('0' + random.nextInt(10)));
				}
			}
			if (random.nextBoolean()) {
				sb.append('.');
				int fraction = random.nextInt(1, 22);
				for (int k = 0; k < fraction; k++) {
					sb.append((char) ('0' + random.nextInt(10)));
				}
			}
			if (random.nextBoolean()) {
				sb.append(random.nextBoolean() ? 'e' : 'E');
				int sign = random.nextInt(3);
				if (sign > 0) {
					sb.append(sign == 1 ? '-' : '+');
				}
				sb.append(random.nextInt(random.nextBoolean() ? 30 : 340));
			}
			check(sb.toString());
		}
	}

	@Property(tries = 20_000)
	void sameBitsAsParseDouble(@ForAll @LongRange(min = 0, max = 99_999_999_999_999_999L) long mantissa,
			@ForAll @IntRange(min = 0, max = 25) int pointFromRight, @ForAll @IntRange(min = -330, max = 330) int exp,
			@ForAll boolean negative, @ForAll boolean withExponent) {
		String digits = Long.toString(mantissa);
		String s = digits;
		if (pointFromRight > 0 && pointFromRight < digits.length()) {
			s = digits.substring(0, digits.length() - pointFromRight) + "."
					+ digits.substring(digits.length() - pointFromRight);
		}
		s = (negative ? "-" : "") + s + (withExponent ? "e" + exp : "");
		check(s);
	}

	@Test
	void refusesWhatIsNotAStrictJsonNumber() {
		for (String s : List.of("", "-", "+1", ".5", "1.", "1e", "1e+", "1E-", "01", "-01", "00", "0x10", "NaN", "-NaN",
				"Infinity", "-Infinity", "inf", "1.5.3", "1e5e3", "--1", "- 1", "1 ", "1,", "\"1\"", "1e400", "-1e400",
				"1" + "0".repeat(310), "true", "null", "1_000", "１")) {
			assertThat(parse(s)).as(s).isNull();
		}
	}

	@Test
	void refusesLiteralsLongerThanTheLimit() {
		JsonNumberParser short16 = new JsonNumberParser(16);
		byte[] ok = "-0.1234567890123".getBytes(StandardCharsets.ISO_8859_1);
		byte[] tooLong = "-0.12345678901234".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(short16.parse(ok, 0, ok.length)).isEqualTo(16);
		assertThat(short16.parse(tooLong, 0, tooLong.length)).isEqualTo(-1);
	}

	@Test
	void stopsAtTheFirstByteThatCannotContinueTheNumber() {
		byte[] b = "[1.5,-2e3]".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(parser.parse(b, 1, b.length)).isEqualTo(4);
		assertThat(parser.value()).isEqualTo(1.5);
		assertThat(parser.parse(b, 5, b.length)).isEqualTo(9);
		assertThat(parser.value()).isEqualTo(-2000.0);
		assertThat(parser.parse(b, 1, 3)).isEqualTo(-1);
	}

	/**
	 * What Jackson itself reads, through the batch reader, for literals where it matters.
	 */
	@Test
	void sameAsJacksonsReading() {
		SimpleModule module = new SimpleModule();
		module.addDeserializer(DoubleBatch.class, new BatchDeserializer(Limits.defaults()));
		JsonMapper mapper = JsonMapper.builder().addModule(module).build();
		for (String s : List.of("0", "-0", "-0.0", "-0e0", "-0E-5", "9007199254740993", "12345678901234567890123",
				"-12345678901234567890123", "1e22", "1e23", "0.1", "4.9e-324", "1e-400", "1.7976931348623157e308")) {
			double jackson = mapper.readValue("[" + s + "]", DoubleBatch.class).values()[0];
			Double ours = parse(s);
			assertThat(ours).as(s).isNotNull();
			assertThat(Double.doubleToRawLongBits(ours)).as(s).isEqualTo(Double.doubleToRawLongBits(jackson));
		}
	}

}
