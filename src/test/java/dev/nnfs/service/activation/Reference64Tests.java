package dev.nnfs.service.activation;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Reference64}'s functions against {@link ApfloatMath} at 45 digits, on a grid
 * that crosses each of the reference's branch points: agreement to 10^-40 relative.
 */
class Reference64Tests {

	private static final long DIGITS = 45;

	private static final BigDecimal TOLERANCE = new BigDecimal("1e-40");

	private static Apfloat ap(double x) {
		return new Apfloat(new BigDecimal(x)).precision(DIGITS);
	}

	private static void agree(String what, double x, BigDecimal reference, Apfloat apfloat) {
		BigDecimal expected = new BigDecimal(apfloat.toString(false));
		BigDecimal relative = reference.subtract(expected).abs().divide(expected.abs(), MathContext.DECIMAL64);
		assertThat(relative).as("%s(%s): %s against apfloat %s", what, x, reference, expected).isLessThan(TOLERANCE);
	}

	@Test
	void expAgreesWithApfloat() {
		for (double x : new double[] { -9999.5, -745.13, -708.4, -100.25, -40, -1.16, -0.3466, -1e-5, 1e-20, 0.5, 1.17,
				37.43, 709.78, 9999.5 }) {
			agree("exp", x, Reference64.exp(new BigDecimal(x)), ApfloatMath.exp(ap(x)));
		}
	}

	@Test
	void expm1AndLog1pAgreeWithApfloat() {
		for (double x : new double[] { -40, -0.75, -0.5, -0.4999, -1e-3, -1e-29, -1e-31, 1e-31, 0.25, 0.4999 }) {
			Apfloat expected = ApfloatMath.exp(new Apfloat(new BigDecimal(x)).precision(DIGITS + 40))
				.subtract(Apfloat.ONE)
				.precision(DIGITS);
			agree("expm1", x, Reference64.expm1(new BigDecimal(x)), expected);
		}
		for (double y : new double[] { 1e-30, 1e-10, 0.001, 0.49, 0.5, 1, 2.5, 1000, 1e6 }) {
			Apfloat expected = ApfloatMath.log(new Apfloat(new BigDecimal(y)).add(Apfloat.ONE).precision(DIGITS + 40))
				.precision(DIGITS);
			agree("log1p", y, Reference64.log1p(new BigDecimal(y)), expected);
		}
	}

	@Test
	void tanhAgreesWithApfloat() {
		for (double x : new double[] { -20, -0.26, -0.2499, 1e-9, 0.01, 0.2499, 0.25, 3, 19.06 }) {
			agree("tanh", x, Reference64.tanh(new BigDecimal(x)), ApfloatMath.tanh(ap(x)));
		}
	}

	@Test
	void erfcAgreesWithApfloat() {
		for (double z : new double[] { 0.1, 1, 3.99, 4, 4.01, 7, 20 }) {
			agree("erfc", z, Reference64.erfc(new BigDecimal(z)), ApfloatMath.erfc(ap(z)));
		}
	}

}
