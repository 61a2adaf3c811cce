package dev.nnfs.service.numpy;

/**
 * A double-double number {@code hi + lo} (|lo| ≤ ulp(hi)/2, about 106 significant bits)
 * with the few operations and functions that the float64 kernels need to round their
 * results once: error-free transformations ({@link Math#fma} for products), sum, product,
 * quotient, and {@code exp}, {@code expm1}, {@code log1p}, {@code log} with a relative
 * error below 2^-90 (see each method).
 *
 * <p>
 * Results become doubles through {@link #roundScaled(int)} or {@link #doubleValue()}: a
 * value with relative error δ rounds to the correctly rounded double unless the exact
 * value lies within δ (relative) of a midpoint between two doubles, and to within
 * {@code 0.5 + 2δ·2^53} ulp of the exact value always. With δ ≤ 2^-90 that is under 0.5 +
 * 2^-36 ulp, so every result is within 1 ulp and practically always correctly rounded.
 *
 * <p>
 * The operations follow the QD library's "accurate" variants (Hida, Li, Bailey). Inputs
 * are finite; infinities and NaN are for the callers to handle.
 */
public record DoubleDouble(double hi, double lo) {

	/** 1 as a double-double. */
	public static final DoubleDouble ONE = new DoubleDouble(1, 0);

	/** ln 2 in three parts: HI has 32 significant bits (k·HI is exact for |k| < 2^21). */
	private static final double LN2_HI = 0x1.62e42fee00000p-1;

	private static final double LN2_MID = 0x1.a39ef35793c76p-33;

	private static final double LN2_LO = 0x1.cc01f97b57a08p-87;

	private static final double INV_LN2 = 1.4426950408889634;

	/** 1/6 and 1/24 as double-doubles. */
	private static final DoubleDouble SIXTH = new DoubleDouble(0x1.5555555555555p-3, 0x1.5555555555555p-57);

	private static final DoubleDouble TWENTY_FOURTH = new DoubleDouble(0x1.5555555555555p-5, 0x1.5555555555555p-59);

	/** Below this |x| the Taylor series of e^x - 1 is summed directly, to x^4. */
	private static final double TINY = 0x1p-30;

	/** e^x - 1 of the reduced argument is computed at x/2^SQUARINGS and squared up. */
	private static final int SQUARINGS = 8;

	/** A double as a double-double. */
	public static DoubleDouble of(double x) {
		return new DoubleDouble(x, 0);
	}

	/** a + b exactly (two-sum). */
	public static DoubleDouble sum(double a, double b) {
		double s = a + b;
		double bb = s - a;
		return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
	}

	/** a·b exactly (two-product with fma), unless it underflows. */
	public static DoubleDouble product(double a, double b) {
		double p = a * b;
		return new DoubleDouble(p, Math.fma(a, b, -p));
	}

	private static DoubleDouble quickSum(double a, double b) {
		double s = a + b;
		return new DoubleDouble(s, b - (s - a));
	}

	/** The nearest double, hi + lo rounded once. */
	public double doubleValue() {
		return this.hi + this.lo;
	}

	public DoubleDouble negate() {
		return new DoubleDouble(-this.hi, -this.lo);
	}

	/** This times 2^n, exact unless a part underflows or overflows. */
	public DoubleDouble scalb(int n) {
		return new DoubleDouble(Math.scalb(this.hi, n), Math.scalb(this.lo, n));
	}

	public DoubleDouble add(double b) {
		double s = this.hi + b;
		double bb = s - this.hi;
		double e = (this.hi - (s - bb)) + (b - bb);
		return quickSum(s, e + this.lo);
	}

	public DoubleDouble add(DoubleDouble b) {
		double s = this.hi + b.hi;
		double bb = s - this.hi;
		double e = (this.hi - (s - bb)) + (b.hi - bb);
		double t = this.lo + b.lo;
		double tb = t - this.lo;
		double f = (this.lo - (t - tb)) + (b.lo - tb);
		DoubleDouble u = quickSum(s, e + t);
		return quickSum(u.hi, u.lo + f);
	}

	public DoubleDouble multiply(double b) {
		double p = this.hi * b;
		double e = Math.fma(this.hi, b, -p);
		return quickSum(p, e + this.lo * b);
	}

	public DoubleDouble multiply(DoubleDouble b) {
		double p = this.hi * b.hi;
		double e = Math.fma(this.hi, b.hi, -p);
		return quickSum(p, e + (this.hi * b.lo + this.lo * b.hi));
	}

	public DoubleDouble divide(double b) {
		double q1 = this.hi / b;
		DoubleDouble p = product(q1, b);
		double r = ((this.hi - p.hi) - p.lo) + this.lo;
		return quickSum(q1, r / b);
	}

	public DoubleDouble divide(DoubleDouble b) {
		double q1 = this.hi / b.hi;
		DoubleDouble r = add(b.multiply(-q1));
		double q2 = r.hi / b.hi;
		r = r.add(b.multiply(-q2));
		double q3 = r.hi / b.hi;
		return quickSum(q1, q2).add(q3);
	}

	/**
	 * {@code (hi + lo)·2^k} rounded once to a double, also when the result is subnormal
	 * (rounded at 2^-1074, not first to 53 bits) or overflows (+-inf). Zeros keep the
	 * sign of hi. hi must be finite.
	 */
	public double roundScaled(int k) {
		double s = this.hi + this.lo;
		if (s == 0 || Math.getExponent(s) + k >= Double.MIN_EXPONENT) {
			return Math.scalb(s, k);
		}
		if (Math.getExponent(s) + k < Double.MIN_EXPONENT - 60) {
			return Math.copySign(0.0, this.hi); // below 2^-1083: rounds to zero
		}
		// |v| + B with B = 2^52 quanta, where a quantum is 2^(-1074-k): the sum rounds at
		// the quantum; subtracting B again is exact.
		double a = Math.abs(this.hi);
		double b = (this.hi < 0) ? -this.lo : this.lo;
		double big = Math.scalb(1.0, -1022 - k);
		double s1 = big + a;
		double bb = s1 - big;
		double e = (big - (s1 - bb)) + (a - bb);
		double w = e + b;
		double wb = w - e;
		double wErr = (e - (w - wb)) + (b - wb);
		if (wErr != 0 && Math.abs(w) == Math.scalb(0.5, -1074 - k)) {
			// e + b rounded onto a half quantum: keep which side of the tie it lies on
			w = (wErr > 0) ? Math.nextUp(w) : Math.nextDown(w);
		}
		double s2 = s1 + w;
		return Math.copySign(Math.scalb(s2 - big, k), this.hi);
	}

	/**
	 * e^r - 1 for |r| ≤ 0.35: Taylor series to r^4 below 2^-30, otherwise at r/2^8 (terms
	 * to the 10th power, truncation below 2^-110) followed by eight doublings
	 * {@code E(2r) = E(r)·(2 + E(r))}, which keep the relative error (below 2^-98).
	 */
	private static DoubleDouble expm1Reduced(DoubleDouble r) {
		double h = r.hi;
		if (Math.abs(h) < TINY) {
			return r.add(h * h * (0.5 + h * (1.0 / 6 + h * (1.0 / 24))));
		}
		DoubleDouble t = r.scalb(-SQUARINGS);
		double th = t.hi;
		double q = 1.0 / 120 + th
				* (1.0 / 720 + th * (1.0 / 5040 + th * (1.0 / 40320 + th * (1.0 / 362880 + th * (1.0 / 3628800)))));
		DoubleDouble p = t.multiply(q).add(TWENTY_FOURTH);
		p = p.multiply(t).add(SIXTH);
		p = p.multiply(t).add(0.5);
		p = p.multiply(t).add(1);
		DoubleDouble e = p.multiply(t);
		for (int i = 0; i < SQUARINGS; i++) {
			e = e.multiply(e.add(2));
		}
		return e;
	}

	/** round(x/ln 2), for x in the range of exp. */
	private static double quotient(DoubleDouble x) {
		return Math.rint(x.hi * INV_LN2);
	}

	/** x - k·ln 2 as a double-double, error below 2^-100·|x| + 2^-150. */
	private static DoubleDouble remainder(DoubleDouble x, double k) {
		double r0 = Math.fma(-k, LN2_HI, x.hi); // exact
		return sum(r0, x.lo).add(product(-k, LN2_MID)).add(-k * LN2_LO);
	}

	/**
	 * e^x·2^shift, relative error below 2^-95, for |x| ≤ 1100; the shift keeps results
	 * that would underflow or overflow in range (pair it with {@link #roundScaled}).
	 */
	public static DoubleDouble exp(DoubleDouble x, int shift) {
		double k = quotient(x);
		return expm1Reduced(remainder(x, k)).add(1).scalb((int) k + shift);
	}

	/**
	 * e^x - 1 for x ≤ 709, relative error below 2^-95 (for x below -40, where the result
	 * is -1 + e^x, the absolute error is below 2^-150).
	 */
	public static DoubleDouble expm1(DoubleDouble x) {
		if (x.hi < -40) {
			return new DoubleDouble(-1, exp(x, 0).hi);
		}
		double k = quotient(x);
		if (k == 0) {
			return expm1Reduced(x);
		}
		return expm1Reduced(remainder(x, k)).add(1).scalb((int) k).add(-1);
	}

	/**
	 * ln(1 + y) for y ≥ -1/2 (y normal or 0), relative error below 2^-90 for y up to
	 * 2^20: one Newton step from {@code t = Math.log1p(y)},
	 * {@code ln(1+y) = t + log1p(c)} with
	 * {@code c = (1+y)·e^-t - 1 = y + (1+y)·expm1(-t)} (about 2^-52·y, so
	 * {@code log1p(c) = c - c²/2} to far below 2^-100).
	 */
	public static DoubleDouble log1p(DoubleDouble y) {
		double t = Math.log1p(y.hi);
		if (t == 0) {
			return y;
		}
		DoubleDouble m = expm1(of(-t));
		DoubleDouble c = y.add(m.multiply(y.add(1)));
		return c.add(-0.5 * c.hi * c.hi).add(t);
	}

	/** k·ln 2 as a double-double (|k| < 2^21), error below 2^-130·|k|. */
	public static DoubleDouble ln2Times(int k) {
		return product(k, LN2_HI).add(product(k, LN2_MID)).add(k * LN2_LO);
	}

	/**
	 * e^x rounded once: the correctly rounded value but when e^x lies within 2^-95
	 * (relative) of a midpoint between two doubles, and within 0.5 + 2^-40 ulp always;
	 * subnormal results are rounded once. NaN gives NaN, +inf +inf, -inf +0.
	 */
	public static double exp(double x) {
		if (!(x > -746)) {
			return (x != x) ? x : 0.0; // e^-746 < 2^-1076: rounds to +0
		}
		if (x > 710) {
			return Double.POSITIVE_INFINITY;
		}
		int shift = (x < -700) ? 200 : (x > 700) ? -10 : 0;
		return exp(of(x), shift).roundScaled(-shift);
	}

	/**
	 * ln x rounded once, as {@link #exp(double)}: x = m·2^e with m in [√½, √2),
	 * {@code ln x = e·ln 2 + log1p(m - 1)} (m - 1 is exact; no cancellation between the
	 * two terms). NaN and x &lt; 0 give NaN, ±0 gives -inf, +inf gives +inf.
	 */
	public static double log(double x) {
		if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
			return (x == 0) ? Double.NEGATIVE_INFINITY : (x < 0) ? Double.NaN : x;
		}
		double y = x;
		int scale = 0;
		if (Math.getExponent(x) < Double.MIN_EXPONENT) {
			y = x * 0x1p54; // subnormal: normalise
			scale = 54;
		}
		int e = Math.getExponent(y);
		double m = Math.scalb(y, -e);
		e -= scale;
		if (m > 1.4142135623730951) {
			m *= 0.5;
			e++;
		}
		DoubleDouble l = log1p(of(m - 1));
		return (e == 0) ? l.doubleValue() : ln2Times(e).add(l).doubleValue();
	}

}
