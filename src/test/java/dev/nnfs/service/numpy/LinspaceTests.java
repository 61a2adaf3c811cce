package dev.nnfs.service.numpy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Linspace} against values printed by numpy's {@code np.linspace}. */
class LinspaceTests {

	@Test
	void lastElementIsStopExactly() {
		double[] y = Linspace.linspace(0.0, 1.0, 50);
		assertThat(y).hasSize(50);
		assertBits(1.0, y[49]);
		// without numpy's endpoint rule the last element would be 49 * (1/49)
		// Double.valueOf: compared with Double.equals, bit for bit
		assertThat(49 * (1.0 / 49)).isNotEqualTo(Double.valueOf(1.0));
	}

	@Test
	void elementsAreIndexTimesStepPlusStart() {
		// np.linspace(0.0, 1, 50)[5] and np.linspace(8, 12, 100)[7]; start + i*delta/div
		// would give 0.10204081632653061 and 8.282828282828282
		assertBits(0.1020408163265306, Linspace.linspace(0.0, 1.0, 50)[5]);
		assertBits(8.282828282828284, Linspace.linspace(8, 12, 100)[7]);
		assertBits(11.95959595959596, Linspace.linspace(8, 12, 100)[98]);
	}

	@Test
	void descendingAndConstant() {
		assertArrayBits(new double[] { 1.0, 0.75, 0.5, 0.25, 0.0 }, Linspace.linspace(1, 0, 5));
		assertArrayBits(new double[] { 3.0, 3.0, 3.0, 3.0 }, Linspace.linspace(3, 3, 4));
	}

	@Test
	void oneElementIsStart() {
		assertArrayBits(new double[] { 2.5 }, Linspace.linspace(2.5, 7, 1));
		// numpy computes 0 * delta + start: -0.0 + 0.0 is +0.0, -0.0 + -0.0 stays -0.0
		assertArrayBits(new double[] { 0.0 }, Linspace.linspace(-0.0, 5, 1));
		assertArrayBits(new double[] { -0.0 }, Linspace.linspace(-0.0, -5, 1));
	}

	@Test
	void zeroElementsIsEmpty() {
		assertThat(Linspace.linspace(0, 1, 0)).isEmpty();
	}

	@Test
	void subnormalStepUsesNumpysFallback() {
		// step = MIN_VALUE / 3 underflows to 0, so numpy computes (i / 3) * delta instead
		assertArrayBits(new double[] { 0.0, 0.0, Double.MIN_VALUE, Double.MIN_VALUE },
				Linspace.linspace(0, Double.MIN_VALUE, 4));
	}

	@Test
	void valueAtMatchesTheArray() {
		double[][] cases = { { 0.0, 1.0, 50 }, { 8, 12, 100 }, { 1, 0, 5 }, { 2.5, 7, 1 }, { 0, Double.MIN_VALUE, 4 } };
		for (double[] c : cases) {
			int n = (int) c[2];
			double[] y = Linspace.linspace(c[0], c[1], n);
			for (int i = 0; i < n; i++) {
				assertBits(y[i], Linspace.valueAt(c[0], c[1], n, i));
			}
		}
	}

	@Test
	void negativeLengthIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Linspace.linspace(0, 1, -1)).withMessageContaining("-1");
	}

	private static void assertBits(double expected, double actual) {
		assertThat(Double.doubleToLongBits(actual)).as("expected " + expected + " but was " + actual)
			.isEqualTo(Double.doubleToLongBits(expected));
	}

	private static void assertArrayBits(double[] expected, double[] actual) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			assertBits(expected[i], actual[i]);
		}
	}

}
