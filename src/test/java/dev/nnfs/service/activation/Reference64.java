package dev.nnfs.service.activation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Independent high-precision references for the float64 activations, written without
 * {@link Kernels64} or its double-double arithmetic: every value is computed in
 * {@link BigDecimal} at 70 significant digits (and more where a step cancels) from
 * Taylor, Maclaurin and continued-fraction expansions summed until the next term is below
 * 10^-70 of the sum. The constants ln 2 and π come from {@link ApfloatMath} at 80 digits,
 * and {@code Reference64Tests} checks the functions below against
 * {@link ApfloatMath#exp}, {@link ApfloatMath#log}, {@link ApfloatMath#tanh} and
 * {@link ApfloatMath#erfc} at 40 digits on a grid. ApfloatMath itself is too slow to be
 * the reference for a million inputs (about 7 ms per exp and 150 ms per erfc at 50 digits
 * on the build machine), hence this.
 *
 * <p>
 * Error bound: each reference is within 10^-50 (relative) of the exact value (about
 * 2^-166): the series are truncated below 10^-70, the working precision loses at most 20
 * digits to cancellation (1 - erf below z = 4, e^x - 1 above |x| = 1/2, the squaring
 * count of exp's range reduction), and the input x is exact (a double is a finite
 * decimal). That is far below the 2^-80 relative margin the kernels are checked against,
 * so the reference rounded to double is the correctly rounded value, and a result within
 * 1 ulp of the reference is within 1 ulp of the exact value. The one exact tie (gelu and
 * silu of a subnormal x/2) is resolved exactly: there the reference is {@code x/2 + c·x²}
 * in exact decimal arithmetic.
 */
final class Reference64 {

	static final MathContext MC = new MathContext(70, RoundingMode.HALF_EVEN);

	private static final MathContext WIDE = new MathContext(110, RoundingMode.HALF_EVEN);

	static final BigDecimal LN2 = new BigDecimal(ApfloatMath.log(new Apfloat(2, 80)).toString(false));

	static final BigDecimal LN10 = new BigDecimal(ApfloatMath.log(new Apfloat(10, 80)).toString(false));

	static final BigDecimal PI = new BigDecimal(ApfloatMath.pi(80).toString(false));

	/** 2/√π and 1/√(2π). */
	private static final BigDecimal TWO_OVER_SQRT_PI = BigDecimal.valueOf(2).divide(PI.sqrt(WIDE), WIDE);

	private static final BigDecimal INV_SQRT_2PI = BigDecimal.ONE.divide(PI.multiply(BigDecimal.valueOf(2)).sqrt(WIDE),
			WIDE);

	private static final BigDecimal SQRT1_2 = BigDecimal.valueOf(0.5).sqrt(WIDE);

	private static final BigDecimal HALF = BigDecimal.valueOf(0.5);

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private static final BigDecimal TINY = new BigDecimal("1e-75");

	/** Beyond this |x| the references are the activations' limits (see {@link #of}). */
	static final BigDecimal LIMIT = BigDecimal.valueOf(10_000);

	/** The reference exp works up to this |x|. */
	private static final BigDecimal EXP_LIMIT = BigDecimal.valueOf(30_000);

	/**
	 * Stands for a limit of ±0 approached from that side (far below Double.MIN_VALUE).
	 */
	private static final BigDecimal UNDER = new BigDecimal("1e-4000");

	private static final BigDecimal MACLAURIN_END = new BigDecimal("1e-95");

	private Reference64() {
	}

	/**
	 * The exact value of an activation at a finite x: a decimal within 10^-50 relative,
	 * or exact; {@code null} stands for an exact zero, whose sign {@link #zeroIsNegative}
	 * gives.
	 */
	static BigDecimal of(String name, double alpha, double x) {
		BigDecimal v = new BigDecimal(x);
		if (Math.abs(x) > 10_000 || (name.equals("gelu") && Math.abs(x) > 100)) {
			return limit(name, alpha, x, v);
		}
		return switch (name) {
			case "step" -> (x > 0) ? BigDecimal.ONE : null;
			case "linear", "relu" -> (x == 0 || (x < 0 && name.equals("relu"))) ? null : v;
			case "leaky_relu" -> (x > 0) ? v : nonZero(new BigDecimal(alpha).multiply(v));
			case "sigmoid" -> BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v.negate())), MC);
			case "tanh" -> (x == 0) ? null : tanh(v);
			case "elu" -> (x > 0) ? v : (x == 0) ? null : nonZero(new BigDecimal(alpha).multiply(expm1(v)));
			case "silu" -> (x == 0) ? null : silu(v);
			case "softplus" -> (x > 0) ? v.add(log1p(exp(v.negate()))) : log1p(exp(v));
			case "gelu" -> (x == 0) ? null : gelu(v);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/**
	 * Beyond |x| = 10^4 (for gelu beyond 100), where each smooth activation is within
	 * e^-100 relative of its limit (far below 10^-50): the limit (1, x, -alpha, ±1), or
	 * for a limit of 0 the stand-in ±10^-4000, which rounds to the same zero as the exact
	 * value.
	 */
	private static BigDecimal limit(String name, double alpha, double x, BigDecimal v) {
		boolean positive = x > 0;
		return switch (name) {
			case "sigmoid" -> positive ? BigDecimal.ONE : UNDER;
			case "tanh" -> positive ? BigDecimal.ONE : BigDecimal.ONE.negate();
			case "elu" -> positive ? v : nonZero(new BigDecimal(alpha).negate());
			case "silu", "gelu" -> positive ? v : UNDER.negate();
			case "softplus" -> positive ? v : UNDER;
			default -> piecewiseLinear(name, alpha, x, v);
		};
	}

	private static BigDecimal piecewiseLinear(String name, double alpha, double x, BigDecimal v) {
		return switch (name) {
			case "step" -> (x > 0) ? BigDecimal.ONE : null;
			case "linear" -> v;
			case "relu" -> (x < 0) ? null : v;
			case "leaky_relu" -> (x > 0) ? v : nonZero(new BigDecimal(alpha).multiply(v));
			default -> throw new IllegalArgumentException(name);
		};
	}

	/**
	 * The sign of an exact zero result, as the formula gives it with IEEE signed zeros:
	 * relu(x &lt; 0) and step are +0; the others keep the sign of x (-0.0 gives -0.0),
	 * and leaky_relu and elu with alpha = 0 give -0.0 for x &lt; 0.
	 */
	static boolean zeroIsNegative(String name, double alpha, double x) {
		return switch (name) {
			case "step" -> false;
			case "relu" -> x == 0 && Math.copySign(1.0, x) < 0;
			case "sigmoid", "softplus" -> false;
			default -> Math.copySign(1.0, x) < 0;
		};
	}

	private static BigDecimal nonZero(BigDecimal v) {
		return (v.signum() == 0) ? null : v;
	}

	/**
	 * e^x for |x| ≤ 10^4: x = j·ln 10 + r with |r| ≤ 1.16, e^(r/2^10) by Taylor at 110
	 * digits, squared 10 times (losing about 4 digits), times 10^j exactly.
	 */
	static BigDecimal exp(BigDecimal x) {
		if (x.abs().compareTo(EXP_LIMIT) > 0) {
			throw new IllegalArgumentException("reference exp of " + x);
		}
		BigDecimal j = x.divide(LN10, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_EVEN);
		BigDecimal r = x.subtract(j.multiply(LN10), WIDE).divide(BigDecimal.valueOf(1024), WIDE);
		BigDecimal sum = BigDecimal.ONE;
		BigDecimal term = BigDecimal.ONE;
		for (int n = 1; term.abs().compareTo(TINY) > 0; n++) {
			term = term.multiply(r, WIDE).divide(BigDecimal.valueOf(n), WIDE);
			sum = sum.add(term, WIDE);
		}
		for (int i = 0; i < 10; i++) {
			sum = sum.multiply(sum, WIDE);
		}
		return sum.scaleByPowerOfTen(j.intValueExact()).round(MC);
	}

	/**
	 * e^x - 1: Taylor from the linear term below |x| = 1/2, e^x - 1 above; below |x| =
	 * 10^-30, x + x²/2 exactly (the next term is x³/6), which keeps the x² term that
	 * breaks a tie of alpha·x.
	 */
	static BigDecimal expm1(BigDecimal x) {
		if (x.abs().compareTo(new BigDecimal("1e-30")) < 0) {
			return x.add(x.multiply(x).multiply(HALF));
		}
		if (x.abs().compareTo(HALF) >= 0) {
			return exp(x).subtract(BigDecimal.ONE, MC);
		}
		BigDecimal sum = x;
		BigDecimal term = x;
		for (int n = 2; term.abs().compareTo(x.abs().multiply(TINY)) > 0; n++) {
			term = term.multiply(x, WIDE).divide(BigDecimal.valueOf(n), WIDE);
			sum = sum.add(term, WIDE);
		}
		return sum.round(MC);
	}

	/**
	 * ln(1 + y) for y ≥ 0: w = 1 + y exactly, w = m·2^k with m in [0.75, 1.5),
	 * {@code ln w = k·ln 2 + 2·atanh((m - 1)/(m + 1))} (the series in u ≤ 1/5, positive
	 * terms).
	 */
	static BigDecimal log1p(BigDecimal y) {
		BigDecimal w = BigDecimal.ONE.add(y);
		int k = 0;
		BigDecimal threeHalves = BigDecimal.valueOf(1.5);
		while (w.compareTo(threeHalves) >= 0) {
			w = w.multiply(HALF);
			k++;
		}
		BigDecimal u = w.subtract(BigDecimal.ONE).divide(w.add(BigDecimal.ONE), WIDE);
		BigDecimal u2 = u.multiply(u, WIDE);
		BigDecimal sum = u;
		BigDecimal power = u;
		for (int n = 1; power.abs().compareTo(u.abs().multiply(TINY)) > 0; n++) {
			power = power.multiply(u2, WIDE);
			sum = sum.add(power.divide(BigDecimal.valueOf(2 * n + 1), WIDE), WIDE);
		}
		return sum.multiply(TWO).add(LN2.multiply(BigDecimal.valueOf(k)), WIDE).round(MC);
	}

	/** ln x for x > 0. */
	static BigDecimal log(BigDecimal x) {
		int k = 0;
		while (x.compareTo(BigDecimal.valueOf(0.75)) < 0) {
			x = x.multiply(TWO);
			k--;
		}
		BigDecimal r = log1p(x.subtract(BigDecimal.ONE));
		return r.add(LN2.multiply(BigDecimal.valueOf(k)), WIDE).round(MC);
	}

	/**
	 * tanh x = expm1(2x)/(expm1(2x) + 2) below x = 1/4, (1 - e^-2x)/(1 + e^-2x) above;
	 * odd.
	 */
	static BigDecimal tanh(BigDecimal x) {
		if (x.signum() < 0) {
			return tanh(x.negate()).negate();
		}
		if (x.compareTo(BigDecimal.valueOf(0.25)) < 0) {
			BigDecimal m = expm1(x.multiply(TWO));
			return m.divide(m.add(TWO), MC);
		}
		BigDecimal e = exp(x.multiply(TWO).negate());
		return BigDecimal.ONE.subtract(e).divide(BigDecimal.ONE.add(e), MC);
	}

	/** x/(1 + e^-x); below |x| = 10^-30, x/2 + x²/4 exactly (the next term is x⁴/48). */
	static BigDecimal silu(BigDecimal x) {
		if (x.abs().compareTo(new BigDecimal("1e-30")) < 0) {
			return x.multiply(HALF).add(x.multiply(x).multiply(BigDecimal.valueOf(0.25)));
		}
		return x.divide(BigDecimal.ONE.add(exp(x.negate())), MC);
	}

	/**
	 * x/2·(1 + erf(x/√2)) = x/2·erfc(-x/√2); below |x| = 10^-30, x/2 + x²/√(2π) exactly
	 * but for the rounding of 1/√(2π) (the next term is x⁴/(6√(2π))).
	 */
	static BigDecimal gelu(BigDecimal x) {
		if (x.abs().compareTo(new BigDecimal("1e-30")) < 0) {
			return x.multiply(HALF).add(x.multiply(x).multiply(INV_SQRT_2PI));
		}
		BigDecimal z = x.multiply(SQRT1_2, WIDE);
		BigDecimal erfc = (z.signum() > 0) ? TWO.subtract(erfc(z)) : erfc(z.negate());
		return x.multiply(HALF).multiply(erfc, MC);
	}

	/**
	 * erfc(z) for z ≥ 0: below 4, 1 - erf(z) with erf's Maclaurin series
	 * {@code 2/√π Σ (-1)^n z^(2n+1)/(n!(2n+1))} at 110 digits (the terms reach e^16,
	 * erfc(4) is 1.5e-8: about 15 digits lost); from 4, Laplace's continued fraction
	 * {@code e^-z²/√π / (z + (1/2)/(z + 1/(z + (3/2)/(z + …))))} by the modified Lentz
	 * method until a step changes it by less than 10^-70.
	 */
	static BigDecimal erfc(BigDecimal z) {
		if (z.compareTo(BigDecimal.valueOf(4)) < 0) {
			BigDecimal z2 = z.multiply(z, WIDE).negate();
			BigDecimal power = z;
			BigDecimal sum = z;
			for (int n = 1; power.abs().compareTo(MACLAURIN_END) > 0; n++) {
				power = power.multiply(z2, WIDE).divide(BigDecimal.valueOf(n), WIDE);
				sum = sum.add(power.divide(BigDecimal.valueOf(2 * n + 1), WIDE), WIDE);
			}
			return BigDecimal.ONE.subtract(TWO_OVER_SQRT_PI.multiply(sum, WIDE), WIDE).round(MC);
		}
		// f = b0 + a1/(b1 + a2/(b2 + ...)), b = z, a_n = n/2; Lentz: f, C = f, D = 0.
		BigDecimal tiny = new BigDecimal("1e-200");
		BigDecimal f = z;
		BigDecimal c = z;
		BigDecimal d = BigDecimal.ZERO;
		BigDecimal eps = new BigDecimal("1e-72");
		for (int n = 1;; n++) {
			BigDecimal a = BigDecimal.valueOf(n).multiply(HALF);
			d = z.add(a.multiply(d), WIDE);
			if (d.signum() == 0) {
				d = tiny;
			}
			d = BigDecimal.ONE.divide(d, WIDE);
			c = z.add(a.divide(c, WIDE), WIDE);
			if (c.signum() == 0) {
				c = tiny;
			}
			BigDecimal delta = c.multiply(d, WIDE);
			f = f.multiply(delta, WIDE);
			if (delta.subtract(BigDecimal.ONE).abs().compareTo(eps) < 0) {
				break;
			}
		}
		BigDecimal sqrtPi = TWO.divide(TWO_OVER_SQRT_PI, WIDE);
		return exp(z.multiply(z).negate()).divide(sqrtPi.multiply(f, WIDE), MC);
	}

}
