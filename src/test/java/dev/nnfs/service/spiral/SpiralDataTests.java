package dev.nnfs.service.spiral;

import dev.nnfs.service.Golden;
import dev.nnfs.service.numpy.NumpyRandom;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIndexOutOfBoundsException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link SpiralData} against what the book's notebooks print and against golden files
 * written by numpy ({@code src/test/resources/golden/spiral_golden.py}).
 */
class SpiralDataTests {

	@Test
	void firstSpiralOfSeedZeroIsTheNotebooks() {
		// nnfs.init(); spiral_data(samples=2, classes=3), as printed in the notebook
		Spiral spiral = SpiralData.spiralData(2, 3, new NumpyRandom(0));
		assertPointBits(new float[] { 0f, 0f, -0.69993085f, -0.7142106f, -0.0f, -0.0f, 0.7647814f, -0.6442898f, 0f,
				-0.0f, -0.94481426f, -0.3276065f }, spiral);
		assertThat(spiral.labels()).isEqualTo(new int[] { 0, 0, 1, 1, 2, 2 });
		assertThat(spiral.samples()).isEqualTo(2);
		assertThat(spiral.classes()).isEqualTo(3);
		assertThat(spiral.rows()).isEqualTo(6);
	}

	@Test
	void secondSpiralOfSeedZeroIsTheNotebooks() {
		// the notebook's next spiral_data(2, 3) call continues the stream at draw 6
		float[] expected = { 0f, 0f, -0.47902483f, -0.87780136f, -0.0f, -0.0f, 0.97696507f, 0.2133992f, 0f, 0f,
				-0.63560337f, 0.7720158f };

		NumpyRandom continued = new NumpyRandom(0);
		SpiralData.spiralData(2, 3, continued);
		assertPointBits(expected, SpiralData.spiralData(2, 3, continued));

		NumpyRandom skipped = new NumpyRandom(0);
		skipped.skip(6);
		assertPointBits(expected, SpiralData.spiralData(2, 3, skipped));
	}

	@Test
	void drawsSamplesTimesClassesNormals() {
		NumpyRandom rng = new NumpyRandom(0);
		rng.skip(3);
		SpiralData.spiralData(100, 3, rng);
		assertThat(rng.draws()).isEqualTo(303);
	}

	@Test
	void oneSamplePerClassSitsAtTheOrigin() {
		// linspace(0.0, 1, 1) is [0.0], so every point is (0 * sin, 0 * cos): signed
		// zeros
		NumpyRandom rng = new NumpyRandom(0);
		Spiral spiral = SpiralData.spiralData(1, 4, rng);
		assertThat(rng.draws()).isEqualTo(4);
		assertThat(spiral.labels()).isEqualTo(new int[] { 0, 1, 2, 3 });
		for (float v : spiral.points()) {
			// Float.valueOf: compared with Float.equals, bit for bit, so only +0.0f
			// passes
			assertThat(Math.abs(v)).isEqualTo(Float.valueOf(0f));
		}
	}

	@Test
	void isImmutable() {
		Spiral spiral = SpiralData.spiralData(2, 3, new NumpyRandom(0));
		float[] points = spiral.points();
		points[2] = 42f;
		spiral.labels()[0] = 7;
		assertThat((float) spiral.x(1)).isEqualTo(Float.valueOf(-0.69993085f));
		assertThat(spiral.points()[2]).isEqualTo(Float.valueOf(-0.69993085f));
		assertThat(spiral.label(0)).isEqualTo(0);
	}

	@Test
	void equalityIsByContent() {
		Spiral a = SpiralData.spiralData(5, 2, new NumpyRandom(1));
		Spiral b = SpiralData.spiralData(5, 2, new NumpyRandom(1));
		assertThat(b).isEqualTo(a);
		assertThat(b.hashCode()).isEqualTo(a.hashCode());
		assertThat(SpiralData.spiralData(5, 2, new NumpyRandom(2))).isNotEqualTo(a);
		assertThat(SpiralData.spiralData(2, 5, new NumpyRandom(1))).isNotEqualTo(a);
	}

	@ParameterizedTest
	@ValueSource(strings = { "spiral_100x3_seed0_skip0.csv", "spiral_100x3_seed0_skip18.csv",
			"spiral_100x3_seed0_skip606.csv", "spiral_100x3_seed0_skip912.csv", "spiral_1000x5_seed7_skip3.csv",
			"spiral_1x4_seed42_skip0.csv", "spiral_7x2_seed4294967295_skip1.csv" })
	void goldenFilesFromNumpy(String file) {
		Matcher name = Pattern.compile("spiral_(\\d+)x(\\d+)_seed(\\d+)_skip(\\d+)\\.csv").matcher(file);
		assertThat(name.matches()).as(file).isTrue();
		int samples = Integer.parseInt(name.group(1));
		int classes = Integer.parseInt(name.group(2));
		NumpyRandom rng = new NumpyRandom(Long.parseLong(name.group(3)));
		rng.skip(Long.parseLong(name.group(4)));

		Spiral spiral = SpiralData.spiralData(samples, classes, rng);

		List<String[]> rows = Golden.rows(file);
		assertThat(spiral.rows()).isEqualTo(rows.size());
		for (String[] row : rows) {
			int i = Integer.parseInt(row[0]);
			String where = file + " row " + i;
			assertThat(Float.floatToIntBits((float) spiral.x(i))).as(where)
				.isEqualTo(Float.floatToIntBits(Float.parseFloat(row[1])));
			assertThat(Float.floatToIntBits((float) spiral.y(i))).as(where)
				.isEqualTo(Float.floatToIntBits(Float.parseFloat(row[2])));
			assertThat(spiral.label(i)).as(where).isEqualTo(Integer.parseInt(row[3]));
		}
	}

	@Test
	void rowOutsideTheDataIsRejected() {
		Spiral spiral = SpiralData.spiralData(2, 3, new NumpyRandom(0));
		assertThatIndexOutOfBoundsException().isThrownBy(() -> spiral.x(6));
		assertThatIndexOutOfBoundsException().isThrownBy(() -> spiral.y(-1));
		assertThatIndexOutOfBoundsException().isThrownBy(() -> spiral.label(6));
	}

	@Test
	void zeroSamplesIsRejected() {
		assertRejected("0", () -> SpiralData.spiralData(0, 3, new NumpyRandom(0)));
	}

	@Test
	void negativeSamplesIsRejected() {
		assertRejected("-5", () -> SpiralData.spiralData(-5, 3, new NumpyRandom(0)));
	}

	@Test
	void zeroClassesIsRejected() {
		assertRejected("0", () -> SpiralData.spiralData(2, 0, new NumpyRandom(0)));
	}

	@Test
	void negativeClassesIsRejected() {
		assertRejected("-2", () -> SpiralData.spiralData(2, -2, new NumpyRandom(0)));
	}

	@Test
	void tooManyPointsIsRejected() {
		assertRejected("65536 * 65536", () -> SpiralData.spiralData(65536, 65536, new NumpyRandom(0)));
	}

	@Test
	void missingRandomStreamIsRejected() {
		assertThatNullPointerException().isThrownBy(() -> SpiralData.spiralData(2, 3, null));
	}

	private static void assertRejected(String quoted, ThrowingCallable call) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining(quoted);
	}

	private static void assertPointBits(float[] expected, Spiral spiral) {
		float[] actual = spiral.points();
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			int row = i / 2;
			assertThat(Float.floatToIntBits(actual[i]))
				.as("row " + row + " column " + (i % 2) + ": expected " + expected[i] + " but was " + actual[i])
				.isEqualTo(Float.floatToIntBits(expected[i]));
		}
	}

}
