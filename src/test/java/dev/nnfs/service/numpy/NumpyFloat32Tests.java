package dev.nnfs.service.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class NumpyFloat32Tests {

	private static void assertBits(int expected, float actual, String what) {
		assertThat(GoldenFloats.hex(actual)).as(what).isEqualTo(String.format("%08x", expected));
	}

	@Test
	void expMatchesNumpyBitForBitOnTheGoldenInputs() {
		List<String[]> rows = GoldenFloats.rows("exp_golden.csv");
		List<String> mismatches = new ArrayList<>();
		for (String[] row : rows) {
			float x = Float.intBitsToFloat(GoldenFloats.bits(row[0]));
			float actual = NumpyFloat32.exp(x);
			if (Float.floatToRawIntBits(actual) != GoldenFloats.bits(row[1])) {
				mismatches.add(row[0] + " (" + x + "): numpy " + row[1] + ", got " + GoldenFloats.hex(actual));
			}
		}
		assertThat(rows.size() > 4000).as("golden exp rows: " + rows.size()).isTrue();
		assertThat(mismatches).isEmpty();
	}

	@Test
	void logMatchesNumpyBitForBitOnTheGoldenInputs() {
		List<String[]> rows = GoldenFloats.rows("log_golden.csv");
		List<String> mismatches = new ArrayList<>();
		for (String[] row : rows) {
			float x = Float.intBitsToFloat(GoldenFloats.bits(row[0]));
			float actual = NumpyFloat32.log(x);
			if (Float.floatToRawIntBits(actual) != GoldenFloats.bits(row[1])) {
				mismatches.add(row[0] + " (" + x + "): numpy " + row[1] + ", got " + GoldenFloats.hex(actual));
			}
		}
		assertThat(rows.size() > 3000).as("golden log rows: " + rows.size()).isTrue();
		assertThat(mismatches).isEmpty();
	}

	/**
	 * The fast path (2^q from its exponent bits) against the general one (Math.scalb),
	 * over every 61st float of its range, its ends and the values just outside them; the
	 * whole range (2.2 billion floats) was checked the same way once.
	 */
	@Test
	void expFastPathGivesTheGeneralPathsBits() {
		float[] edges = { NumpyFloat32.FAST_EXP_MIN, NumpyFloat32.FAST_EXP_MAX, -0.0f, 0.0f,
				Math.nextDown(NumpyFloat32.FAST_EXP_MIN), Math.nextUp(NumpyFloat32.FAST_EXP_MAX), Float.MIN_VALUE,
				-Float.MIN_VALUE };
		for (float x : edges) {
			assertBits(Float.floatToRawIntBits(NumpyFloat32.expGeneral(x)), NumpyFloat32.exp(x), "exp(" + x + ")");
		}
		long checked = 0;
		for (float end : new float[] { NumpyFloat32.FAST_EXP_MIN, NumpyFloat32.FAST_EXP_MAX }) {
			int last = Float.floatToRawIntBits(end);
			int first = Float.floatToRawIntBits(Math.copySign(0.0f, end));
			for (long b = first; b <= last; b += 61) {
				float x = Float.intBitsToFloat((int) b);
				float fast = NumpyFloat32.exp(x);
				float general = NumpyFloat32.expGeneral(x);
				if (Float.floatToRawIntBits(fast) != Float.floatToRawIntBits(general)) {
					assertBits(Float.floatToRawIntBits(general), fast, "exp(" + x + ")");
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30_000_000L);
	}

	@Test
	void expSpecialValuesAsNumpy() {
		// isEqualTo(Float.valueOf(..)) compares with Float.equals, bit for bit; the
		// primitive
		// isEqualTo(float) would take -0.0f for 0.0f
		assertThat(NumpyFloat32.exp(0.0f)).isEqualTo(Float.valueOf(1.0f));
		assertThat(NumpyFloat32.exp(-0.0f)).isEqualTo(Float.valueOf(1.0f));
		assertThat(NumpyFloat32.exp(Float.POSITIVE_INFINITY)).isEqualTo(Float.valueOf(Float.POSITIVE_INFINITY));
		assertBits(0, NumpyFloat32.exp(Float.NEGATIVE_INFINITY), "exp(-inf) is +0");
		assertBits(0x7fc00000, NumpyFloat32.exp(Float.NaN), "exp(nan)");
		assertBits(0x7fc00000, NumpyFloat32.exp(Float.intBitsToFloat(0xffc00000)), "exp(-nan) is +nan");
		// the overflow threshold is inclusive, its predecessor still finite
		assertThat(NumpyFloat32.exp(NumpyFloat32.EXP_XMAX)).isEqualTo(Float.valueOf(Float.POSITIVE_INFINITY));
		float big = NumpyFloat32.exp(Math.nextDown(NumpyFloat32.EXP_XMAX));
		assertThat(Float.isFinite(big) && big > 3.4e38f).as("exp just below xmax: " + big).isTrue();
		assertThat(NumpyFloat32.exp(88.72284f)).isEqualTo(Float.valueOf(Float.POSITIVE_INFINITY));
		// the underflow threshold is inclusive; just above it the result is a denormal
		assertBits(0, NumpyFloat32.exp(NumpyFloat32.EXP_XMIN), "exp(xmin) is +0");
		float tiny = NumpyFloat32.exp(Math.nextUp(NumpyFloat32.EXP_XMIN));
		assertThat(tiny > 0 && tiny < Float.MIN_NORMAL).as("exp just above xmin: " + tiny).isTrue();
	}

	@Test
	void expIsWithinNumpysStatedErrorOfTheCorrectlyRoundedExpOnEvery997thPattern() {
		// numpy states a maximum error of 2.52 ulp for this kernel; denormal results are
		// held to
		// 3 ulp of the smallest normal's spacing.
		int checked = 0;
		for (long pattern = 0; pattern <= 0xffffffffL; pattern += 997) {
			float x = Float.intBitsToFloat((int) pattern);
			if (!(x >= -104.0f && x <= 89.0f)) {
				continue;
			}
			float actual = NumpyFloat32.exp(x);
			if (x >= NumpyFloat32.EXP_XMAX) {
				assertThat(actual).isEqualTo(Float.valueOf(Float.POSITIVE_INFINITY));
			}
			else if (x <= NumpyFloat32.EXP_XMIN) {
				assertBits(0, actual, "exp(" + x + ")");
			}
			else {
				double exact = Math.exp(x);
				double ulp = Math.ulp((float) Math.max(exact, Float.MIN_NORMAL));
				assertThat(Math.abs(actual - exact) <= 3 * ulp).as("exp(" + x + ") = " + actual).isTrue();
			}
			checked++;
		}
		assertThat(checked > 2_000_000).as("checked " + checked).isTrue();
	}

	@Test
	void expDiffersFromTheCorrectlyRoundedExpWhereNumpyDoes() {
		// e^-1, one of the softmax([1, 2, 3]) terms: numpy's kernel is 1 ulp below the
		// correctly rounded value that (float) Math.exp gives
		assertThat(GoldenFloats.hex(NumpyFloat32.exp(-1.0f))).isEqualTo("3ebc5ab1");
		assertThat(GoldenFloats.hex((float) Math.exp(-1.0))).isEqualTo("3ebc5ab2");
	}

	@Test
	void logSpecialValuesAsNumpy() {
		assertBits(0, NumpyFloat32.log(1.0f), "log(1)");
		assertThat(NumpyFloat32.log(0.0f)).isEqualTo(Float.valueOf(Float.NEGATIVE_INFINITY));
		assertThat(NumpyFloat32.log(-0.0f)).isEqualTo(Float.valueOf(Float.NEGATIVE_INFINITY));
		assertThat(NumpyFloat32.log(Float.POSITIVE_INFINITY)).isEqualTo(Float.valueOf(Float.POSITIVE_INFINITY));
		assertBits(0xffc00000, NumpyFloat32.log(-1.0f), "log(-1) is -nan");
		assertBits(0xffc00000, NumpyFloat32.log(Float.NEGATIVE_INFINITY), "log(-inf) is -nan");
		assertBits(0x7fc00000, NumpyFloat32.log(Float.NaN), "log(nan)");
		assertThat(NumpyFloat32.log(Float.MIN_VALUE)).isEqualTo(Float.valueOf(-103.27893f));
	}

	@Test
	void sumStartsFromZeroAndAddsPairwiseWithEightAccumulators() {
		// np.sum(np.array([[2**24] + [1]*15 + [3]*5], dtype=np.float32), axis=1)
		float[] a = new float[21];
		a[0] = 16777216f;
		Arrays.fill(a, 1, 16, 1f);
		Arrays.fill(a, 16, 21, 3f);
		assertThat(NumpyFloat32.sum(a, 0, 21)).isEqualTo(Float.valueOf(1.6777248e+07f));
		float sequential = 0f;
		for (float v : a) {
			sequential += v;
		}
		assertThat(sequential).isNotEqualTo(Float.valueOf(1.6777248e+07f));
		// np.sum(np.array([[1e8] + [1.0]*300], dtype=np.float32), axis=1): halves of 144
		// and 157
		float[] b = new float[301];
		b[0] = 1e8f;
		Arrays.fill(b, 1, 301, 1f);
		assertThat(NumpyFloat32.sum(b, 0, 301)).isEqualTo(Float.valueOf(1.00000296e+08f));
		assertBits(0, NumpyFloat32.sum(b, 1, 0), "empty sum is +0");
	}

	@Test
	void sumExpEqualsTheSumOfStoredExps() {
		float[] x = new float[300];
		for (int i = 0; i < x.length; i++) {
			x[i] = -0.1f * i;
		}
		for (int n : new int[] { 1, 7, 8, 9, 128, 129, 300 }) {
			float[] e = x.clone();
			for (int i = 0; i < n; i++) {
				e[i] = NumpyFloat32.exp(e[i]);
			}
			assertThat(NumpyFloat32.sumExp(x, 0, n)).as("n = " + n).isEqualTo(Float.valueOf(NumpyFloat32.sum(e, 0, n)));
		}
	}

}
