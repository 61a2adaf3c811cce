package dev.nnfs.service.tensor;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.core.io.schubfach.FloatToDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link FloatFormat} against Jackson's own float writer and against
 * {@code Float.parseFloat}, on millions of bit patterns spread over the whole float32
 * range.
 */
class FloatFormatTests {

	private final char[] buf = new char[FloatFormat.MAX_CHARS + 8];

	private String format(float v) {
		return new String(buf, 3, FloatFormat.write(v, buf, 3) - 3);
	}

	private void check(float v) {
		if (!Float.isFinite(v)) {
			return;
		}
		String ours = format(v);
		String jackson = FloatToDecimal.toString(v);
		if (!ours.equals(jackson)) {
			fail("0x" + Integer.toHexString(Float.floatToRawIntBits(v)) + ": " + ours + " but Jackson writes "
					+ jackson);
		}
		if (Float.floatToRawIntBits(Float.parseFloat(ours)) != Float.floatToRawIntBits(v)) {
			fail(ours + " does not read back as 0x" + Integer.toHexString(Float.floatToRawIntBits(v)));
		}
	}

	@Test
	void examplesOfTheContract() {
		assertThat(format(1f / 3)).isEqualTo("0.33333334");
		assertThat(format(-0.69993085f)).isEqualTo("-0.69993085");
		assertThat(format(1.352058E-4f)).isEqualTo("1.352058E-4");
		assertThat(format(0.001f)).isEqualTo("0.001");
		assertThat(format(0f)).isEqualTo("0.0");
		assertThat(format(-0f)).isEqualTo("-0.0");
		assertThat(format(1f)).isEqualTo("1.0");
		assertThat(format(100f)).isEqualTo("100.0");
		assertThat(format(9999999f)).isEqualTo("9999999.0");
		assertThat(format(1e7f)).isEqualTo("1.0E7");
		assertThat(format(Float.MAX_VALUE)).isEqualTo("3.4028235E38");
		assertThat(format(Float.MIN_VALUE)).isEqualTo("1.4E-45");
		// JDK 17's Float.toString writes 1.17549435E-38, one digit too many.
		assertThat(format(-Float.MIN_NORMAL)).isEqualTo("-1.1754944E-38");
		assertThat(format(3e-45f)).isEqualTo("2.8E-45");
	}

	@Test
	void sameAsJacksonOnEveryThousandAndNinthBitPattern() {
		for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 1009) {
			check(Float.intBitsToFloat((int) bits));
		}
	}

	@Test
	void sameAsJacksonOnRandomBitPatternsAndTypicalValues() {
		SplittableRandom random = new SplittableRandom(20240611);
		for (int i = 0; i < 2_000_000; i++) {
			check(Float.intBitsToFloat(random.nextInt()));
			check((float) random.nextGaussian());
			check((float) (random.nextDouble() * Math.pow(10, random.nextInt(-12, 12))));
		}
	}

	@Test
	void sameAsJacksonAroundPowersOfTenAndTwoAndOnSubnormals() {
		for (int e = -45; e <= 38; e++) {
			int bits = Float.floatToRawIntBits((float) Math.pow(10, e));
			for (int d = -500; d <= 500; d++) {
				check(Float.intBitsToFloat(bits + d));
			}
		}
		for (int e = -149; e <= 127; e++) {
			int bits = Float.floatToRawIntBits(Math.scalb(1f, e));
			for (int d = -50; d <= 50; d++) {
				check(Float.intBitsToFloat(bits + d));
			}
		}
		for (int bits = 0; bits < 1 << 20; bits++) {
			check(Float.intBitsToFloat(bits));
		}
		for (int i = 0; i <= 1 << 24; i += 7) {
			check(i);
		}
	}

	@Test
	void eightDigitsAreTheZeroPaddedDecimalInOrder() {
		for (int f = 0; f < 100_000_000; f += (f < 20_000 || f > 99_980_000) ? 1 : 997) {
			long digits = FloatFormat.eightDigits(f);
			byte[] bytes = java.nio.ByteBuffer.allocate(8).putLong(digits).array();
			String expected = String.format(java.util.Locale.ROOT, "%08d", f);
			if (!new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).equals(expected)) {
				fail(f + ": " + new String(bytes, java.nio.charset.StandardCharsets.US_ASCII) + " but " + expected);
			}
		}
	}

	@Test
	void refusesWhatJsonCannotHold() {
		assertThatIllegalArgumentException().isThrownBy(() -> FloatFormat.write(Float.NaN, buf, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> FloatFormat.write(Float.NEGATIVE_INFINITY, buf, 0));
	}

}
