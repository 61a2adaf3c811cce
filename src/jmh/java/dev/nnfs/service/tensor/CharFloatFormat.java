package dev.nnfs.service.tensor;

import tools.jackson.core.io.schubfach.MathUtils;

/**
 * The float32 writer as it was before {@link FloatFormat} wrote bytes: Schubfach digits
 * into a {@code char[]}, one division per digit. Kept for {@code BodyBenchmarks}, which
 * measures the writers side by side; not used by the service. The same characters as
 * {@link FloatFormat}.
 */
final class CharFloatFormat {

	/** Longest output: {@code -1.23456789E-45} has 15 characters. */
	public static final int MAX_CHARS = 15;

	private static final int P = 24;

	private static final int Q_MIN = -149;

	private static final int C_MIN = 1 << (P - 1);

	private static final int C_TINY = 8;

	private static final long MASK_32 = 0xFFFF_FFFFL;

	private CharFloatFormat() {
	}

	/**
	 * Writes {@code v} at {@code buf[pos]} and returns the position after it. The buffer
	 * needs {@link #MAX_CHARS} free characters.
	 * @throws IllegalArgumentException if {@code v} is NaN or infinite
	 */
	public static int write(float v, char[] buf, int pos) {
		int bits = Float.floatToRawIntBits(v);
		int t = bits & (C_MIN - 1);
		int bq = (bits >>> (P - 1)) & 0xFF;
		if (bq == 0xFF) {
			throw new IllegalArgumentException("not a finite float: " + v);
		}
		if (bits < 0) {
			buf[pos++] = '-';
		}
		if (bq != 0) {
			int mq = -Q_MIN + 1 - bq;
			int c = C_MIN | t;
			// An integer below 2^24: its digits are exact, no search needed.
			if (0 < mq && mq < P) {
				int f = c >> mq;
				if (f << mq == c) {
					return layout(f, 0, buf, pos);
				}
			}
			return shortest(-mq, c, 0, buf, pos);
		}
		if (t != 0) {
			return t < C_TINY ? shortest(Q_MIN, 10 * t, -1, buf, pos) : shortest(Q_MIN, t, 0, buf, pos);
		}
		buf[pos] = '0';
		buf[pos + 1] = '.';
		buf[pos + 2] = '0';
		return pos + 3;
	}

	/**
	 * The shortest decimal {@code f × 10^e} in the rounding interval of {@code c × 2^q}.
	 */
	private static int shortest(int q, int c, int dk, char[] buf, int pos) {
		int out = c & 1;
		long cb = (long) c << 2;
		long cbr = cb + 2;
		long cbl;
		int k;
		// The interval is asymmetric at a power of two, except at the smallest exponent.
		if (c != C_MIN || q == Q_MIN) {
			cbl = cb - 2;
			k = MathUtils.flog10pow2(q);
		}
		else {
			cbl = cb - 1;
			k = MathUtils.flog10threeQuartersPow2(q);
		}
		int h = q + MathUtils.flog2pow10(-k) + 33;
		long g = MathUtils.g1(k) + 1;
		int vb = roundOdd(g, cb << h);
		int vbl = roundOdd(g, cbl << h);
		int vbr = roundOdd(g, cbr << h);
		int s = vb >> 2;
		if (s >= 100) {
			// One digit fewer, if a multiple of ten lies in the interval.
			int sp10 = 10 * (int) (s * 1_717_986_919L >>> 34);
			int tp10 = sp10 + 10;
			boolean upin = vbl + out <= sp10 << 2;
			boolean wpin = (tp10 << 2) + out <= vbr;
			if (upin != wpin) {
				return layout(upin ? sp10 : tp10, k, buf, pos);
			}
		}
		int t = s + 1;
		boolean uin = vbl + out <= s << 2;
		boolean win = (t << 2) + out <= vbr;
		if (uin != win) {
			return layout(uin ? s : t, k + dk, buf, pos);
		}
		int cmp = vb - ((s + t) << 1);
		return layout(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk, buf, pos);
	}

	/** Round to odd of the upper 64 bits of {@code g × cp}, scaled as Schubfach needs. */
	private static int roundOdd(long g, long cp) {
		long x1 = Math.multiplyHigh(g, cp);
		long vbp = x1 >>> 31;
		return (int) (vbp | ((x1 & MASK_32) + MASK_32) >>> 32);
	}

	/**
	 * Lays out {@code f × 10^e} (f > 0, at most 9 digits) as {@code Float.toString} does.
	 */
	private static int layout(int f, int e, char[] buf, int pos) {
		while (f % 10 == 0) {
			f /= 10;
			e++;
		}
		int len = digitCount(f);
		// value = 0.d1...dlen × 10^point
		int point = len + e;
		if (point > 0 && point <= 7) {
			if (point >= len) {
				pos = digits(f, len, buf, pos);
				for (int i = len; i < point; i++) {
					buf[pos++] = '0';
				}
				buf[pos] = '.';
				buf[pos + 1] = '0';
				return pos + 2;
			}
			digits(f, len, buf, pos + 1);
			// Shift the integer part left by one to open the point.
			for (int i = 0; i < point; i++) {
				buf[pos + i] = buf[pos + i + 1];
			}
			buf[pos + point] = '.';
			return pos + len + 1;
		}
		if (point <= 0 && point > -3) {
			buf[pos++] = '0';
			buf[pos++] = '.';
			for (int i = point; i < 0; i++) {
				buf[pos++] = '0';
			}
			return digits(f, len, buf, pos);
		}
		digits(f, len, buf, pos + 1);
		buf[pos] = buf[pos + 1];
		buf[pos + 1] = '.';
		pos += len + 1;
		if (len == 1) {
			buf[pos++] = '0';
		}
		buf[pos++] = 'E';
		int exp = point - 1;
		if (exp < 0) {
			buf[pos++] = '-';
			exp = -exp;
		}
		if (exp >= 10) {
			buf[pos++] = (char) ('0' + exp / 10);
		}
		buf[pos++] = (char) ('0' + exp % 10);
		return pos;
	}

	private static int digits(int f, int len, char[] buf, int pos) {
		for (int i = pos + len - 1; i >= pos; i--) {
			buf[i] = (char) ('0' + f % 10);
			f /= 10;
		}
		return pos + len;
	}

	private static int digitCount(int f) {
		int n = 1;
		while (f >= 10) {
			f /= 10;
			n++;
		}
		return n;
	}

}
