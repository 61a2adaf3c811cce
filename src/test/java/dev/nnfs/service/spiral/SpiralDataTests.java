package dev.nnfs.service.spiral;

import dev.nnfs.service.Golden;
import dev.nnfs.service.numpy.NumpyRandom;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
		assertArrayEquals(new int[] { 0, 0, 1, 1, 2, 2 }, spiral.labels());
		assertEquals(2, spiral.samples());
		assertEquals(3, spiral.classes());
		assertEquals(6, spiral.rows());
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
		assertEquals(303, rng.draws());
	}

	@Test
	void oneSamplePerClassSitsAtTheOrigin() {
		// linspace(0.0, 1, 1) is [0.0], so every point is (0 * sin, 0 * cos): signed zeros
		NumpyRandom rng = new NumpyRandom(0);
		Spiral spiral = SpiralData.spiralData(1, 4, rng);
		assertEquals(4, rng.draws());
		assertArrayEquals(new int[] { 0, 1, 2, 3 }, spiral.labels());
		for (float v : spiral.points()) {
			assertEquals(0f, Math.abs(v));
		}
	}

	@Test
	void isImmutable() {
		Spiral spiral = SpiralData.spiralData(2, 3, new NumpyRandom(0));
		float[] points = spiral.points();
		points[2] = 42f;
		spiral.labels()[0] = 7;
		assertEquals(-0.69993085f, spiral.x(1));
		assertEquals(-0.69993085f, spiral.points()[2]);
		assertEquals(0, spiral.label(0));
	}

	@Test
	void equalityIsByContent() {
		Spiral a = SpiralData.spiralData(5, 2, new NumpyRandom(1));
		Spiral b = SpiralData.spiralData(5, 2, new NumpyRandom(1));
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		assertNotEquals(a, SpiralData.spiralData(5, 2, new NumpyRandom(2)));
		assertNotEquals(a, SpiralData.spiralData(2, 5, new NumpyRandom(1)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "spiral_100x3_seed0_skip0.csv", "spiral_100x3_seed0_skip18.csv",
			"spiral_100x3_seed0_skip606.csv", "spiral_100x3_seed0_skip912.csv", "spiral_1000x5_seed7_skip3.csv",
			"spiral_1x4_seed42_skip0.csv", "spiral_7x2_seed4294967295_skip1.csv" })
	void goldenFilesFromNumpy(String file) {
		Matcher name = Pattern.compile("spiral_(\\d+)x(\\d+)_seed(\\d+)_skip(\\d+)\\.csv").matcher(file);
		assertTrue(name.matches(), file);
		int samples = Integer.parseInt(name.group(1));
		int classes = Integer.parseInt(name.group(2));
		NumpyRandom rng = new NumpyRandom(Long.parseLong(name.group(3)));
		rng.skip(Long.parseLong(name.group(4)));

		Spiral spiral = SpiralData.spiralData(samples, classes, rng);

		List<String[]> rows = Golden.rows(file);
		assertEquals(rows.size(), spiral.rows());
		for (String[] row : rows) {
			int i = Integer.parseInt(row[0]);
			String where = file + " row " + i;
			assertEquals(Float.floatToIntBits(Float.parseFloat(row[1])), Float.floatToIntBits(spiral.x(i)), where);
			assertEquals(Float.floatToIntBits(Float.parseFloat(row[2])), Float.floatToIntBits(spiral.y(i)), where);
			assertEquals(Integer.parseInt(row[3]), spiral.label(i), where);
		}
	}

	@Test
	void rowOutsideTheDataIsRejected() {
		Spiral spiral = SpiralData.spiralData(2, 3, new NumpyRandom(0));
		assertThrows(IndexOutOfBoundsException.class, () -> spiral.x(6));
		assertThrows(IndexOutOfBoundsException.class, () -> spiral.y(-1));
		assertThrows(IndexOutOfBoundsException.class, () -> spiral.label(6));
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
		assertThrows(NullPointerException.class, () -> SpiralData.spiralData(2, 3, null));
	}

	private static void assertRejected(String quoted, org.junit.jupiter.api.function.Executable call) {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
		assertTrue(ex.getMessage().contains(quoted), ex.getMessage());
	}

	private static void assertPointBits(float[] expected, Spiral spiral) {
		float[] actual = spiral.points();
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++) {
			int row = i / 2;
			assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
					"row " + row + " column " + (i % 2) + ": expected " + expected[i] + " but was " + actual[i]);
		}
	}

}
