package dev.nnfs.service.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import tools.jackson.core.io.schubfach.MathUtils;

/**
 * Writes a float32 in its shortest round-trip decimal form straight into a {@code byte[]}
 * (ASCII, ready for a UTF-8 generator) or a {@code char[]}, with no {@code String} per
 * number: the same characters as Jackson's {@code USE_FAST_DOUBLE_WRITER} (and JDK 19+'s
 * {@code Float.toString}), {@code 0.33333334}, {@code -0.0}, {@code 1.0E7},
 * {@code 1.352058E-4}.
 *
 * <p>
 * The digits are chosen by Giulietti's Schubfach algorithm ("The Schubfach way to render
 * doubles", 2020): of the decimals that round back to the float, the one with the fewest
 * digits, and of those the closest (even on ties). The powers of ten come from Jackson's
 * own table ({@link MathUtils}). The layout is {@code Float.toString}'s: plain notation
 * when {@code 10^-3 <= |v| < 10^7}, otherwise one digit, a point, the rest and {@code E}
 * exponent; always at least one digit after the point.
 *
 * <p>
 * Only finite values are supported: the service never writes NaN or infinities as
 * numbers.
 */
public final class FloatFormat {

	/** Longest output: {@code -1.23456789E-45} has 15 characters. */
	public static final int MAX_CHARS = 15;

	private static final int P = 24;

	private static final int Q_MIN = -149;

	private static final int C_MIN = 1 << (P - 1);

	private static final int C_TINY = 8;

	private static final long MASK_32 = 0xFFFF_FFFFL;

	private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.BIG_ENDIAN);

	/** "00", "01", ... "99": two digits per lookup. */
	private static final byte[] PAIRS = new byte[200];

	static {
		for (int i = 0; i < 100; i++) {
			PAIRS[2 * i] = (byte) ('0' + i / 10);
			PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
		}
	}

	private FloatFormat() {
	}

	/**
	 * Writes {@code v} at {@code buf[pos]} as ASCII bytes and returns the position after
	 * it. The buffer needs {@link #MAX_CHARS} free bytes.
	 * @throws IllegalArgumentException if {@code v} is NaN or infinite
	 */
	public static int write(float v, byte[] buf, int pos) {
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
	 * Writes {@code v} at {@code buf[pos]} as characters and returns the position after
	 * it: the same characters as {@link #write(float, byte[], int)}. The buffer needs
	 * {@link #MAX_CHARS} free characters.
	 * @throws IllegalArgumentException if {@code v} is NaN or infinite
	 */
	public static int write(float v, char[] buf, int pos) {
		byte[] bytes = new byte[MAX_CHARS];
		int len = write(v, bytes, 0);
		for (int i = 0; i < len; i++) {
			buf[pos + i] = (char) bytes[i];
		}
		return pos + len;
	}

	/**
	 * The shortest decimal {@code f × 10^e} in the rounding interval of {@code c × 2^q}.
	 */
	private static int shortest(int q, int c, int dk, byte[] buf, int pos) {
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
	private static int layout(int f, int e, byte[] buf, int pos) {
		// Most shortest forms end in a non-zero digit: one multiplication decides.
		while (f % 10 == 0) {
			f /= 10;
			e++;
		}
		int len = digitCount(f);
		// value = 0.d1...dlen × 10^point
		int point = len + e;
		if (point > 0 && point <= 7) {
			if (point >= len) {
				digits(f, len, buf, pos);
				pos += len;
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
			digits(f, len, buf, pos);
			return pos + len;
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
			buf[pos] = PAIRS[2 * exp];
			buf[pos + 1] = PAIRS[2 * exp + 1];
			return pos + 2;
		}
		buf[pos] = (byte) ('0' + exp);
		return pos + 1;
	}

	/**
	 * The {@code len} digits of {@code f} at {@code buf[pos]}: eight at a time, computed
	 * in the lanes of one {@code long} ({@link #eightDigits}) and stored with one write.
	 * The store may fill up to 8 bytes past the digits with zeros; every caller writes
	 * what follows the digits afterwards, and the write's {@link #MAX_CHARS} room covers
	 * it (at most 14 bytes from the start of the number).
	 */
	private static void digits(int f, int len, byte[] buf, int pos) {
		if (len == 9) {
			int first = f / 100_000_000;
			buf[pos] = (byte) ('0' + first);
			BIG_ENDIAN_LONG.set(buf, pos + 1, eightDigits(f - first * 100_000_000));
			return;
		}
		// the last len of the eight (zero-padded) digits, moved to the front
		BIG_ENDIAN_LONG.set(buf, pos, eightDigits(f) << ((8 - len) << 3));
	}

	/**
	 * The eight decimal digits of {@code 0 <= f < 10^8}, zero-padded, as ASCII bytes in a
	 * {@code long}, the first digit in its most significant byte. Two 4-digit halves in
	 * 32-bit lanes are split into 2-digit halves in 16-bit lanes, then into digits in
	 * bytes, dividing every lane at once by multiplying with a reciprocal:
	 * {@code n / 100} is {@code n * 10486 >>> 20} for {@code n < 10^4}, {@code n / 10} is
	 * {@code n * 103 >>> 10} for {@code n < 100}, and no lane's product reaches the next.
	 */
	static long eightDigits(int f) {
		int high = f / 10_000;
		long x = ((long) high << 32) | (f - high * 10_000);
		long hundreds = ((x * 10_486) >>> 20) & 0x0000_007F_0000_007FL;
		long pairs = (hundreds << 16) | (x - hundreds * 100);
		long tens = ((pairs * 103) >>> 10) & 0x000F_000F_000F_000FL;
		long digits = (tens << 8) | (pairs - tens * 10);
		return digits + 0x3030_3030_3030_3030L;
	}

	/** The number of decimal digits of {@code 0 < f < 10^9}, by comparisons. */
	private static int digitCount(int f) {
		if (f < 100_000) {
			return f < 100 ? (f < 10 ? 1 : 2) : f < 1_000 ? 3 : f < 10_000 ? 4 : 5;
		}
		return f < 10_000_000 ? (f < 1_000_000 ? 6 : 7) : f < 100_000_000 ? 8 : 9;
	}

}
